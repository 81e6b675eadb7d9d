// A day's first-inquiry register at this window: when, who logged it, who asked what about
// which item, what came of it, where the person was sent (去向), and the case if one was opened.
import { Table, Typography } from "antd";
import type { HTMLAttributes } from "react";
import type { Inquiry } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { outcomeLabel } from "../../lib/format/caseLabels";
import { formatChinaTime } from "../../lib/format/time";

type Props = { rows: Inquiry[]; loading: boolean; onOpenCase: (caseId: string) => void };

export function InquiryTable({ rows, loading, onOpenCase }: Props) {
  const t = useT();
  return (
    <Table<Inquiry>
      data-testid="inquiry-table"
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: loading ? " " : <span data-testid="inquiry-empty">{t("inquiry.empty")}</span> }}
      onRow={(r) => ({ "data-testid": `inquiry-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t("inquiry.col.at"), key: "at", width: 140, render: (_, r) => formatChinaTime(r.at) },
        { title: t("inquiry.col.clerk"), dataIndex: "clerk_name", key: "clerk", width: 100 },
        { title: t("inquiry.person"), dataIndex: "person", key: "person", width: 120 },
        { title: t("inquiry.question"), dataIndex: "question", key: "question" },
        { title: t("inquiry.item"), key: "item", render: (_, r) => r.item_name ?? r.item_code ?? "" },
        { title: t("inquiry.outcome"), key: "outcome", width: 130, render: (_, r) => outcomeLabel(r.outcome, t) },
        { title: t("inquiry.referredTo"), key: "referred_to", render: (_, r) => r.referred_to ?? "" },
        {
          title: t("inquiry.col.case"),
          key: "case",
          width: 100,
          render: (_, r) => {
            const caseId = r.case_id;
            return caseId ? (
              <Typography.Link onClick={() => onOpenCase(caseId)} data-testid={`inquiry-case-${r.id}`}>
                {t("inquiry.openCase")}
              </Typography.Link>
            ) : (
              ""
            );
          },
        },
      ]}
    />
  );
}
