// Today's first-inquiry register at this window.
import { Card, Table } from "antd";
import type { HTMLAttributes } from "react";
import type { Inquiry } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { outcomeLabel } from "../../lib/format/caseLabels";
import { formatLocalTime } from "../../lib/format/time";

export function InquiryTable({ rows, loading }: { rows: Inquiry[]; loading: boolean }) {
  const t = useT();
  return (
    <Card size="small" title={t("inquiry.todayTitle")}>
      <Table<Inquiry>
        data-testid="inquiry-table"
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t("inquiry.empty") }}
        onRow={(r) => ({ "data-testid": `inquiry-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t("inquiry.col.at"), width: 140, render: (_, r) => formatLocalTime(r.at) },
          { title: t("inquiry.col.clerk"), dataIndex: "clerk_name", width: 100 },
          { title: t("inquiry.person"), dataIndex: "person", width: 120 },
          { title: t("inquiry.question"), dataIndex: "question" },
          { title: t("inquiry.item"), render: (_, r) => r.item_name ?? r.item_code ?? "" },
          { title: t("inquiry.outcome"), width: 130, render: (_, r) => outcomeLabel(r.outcome, t) },
          { title: t("inquiry.referredTo"), render: (_, r) => r.referred_to ?? "" },
        ]}
      />
    </Card>
  );
}
