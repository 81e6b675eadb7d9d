// The lines of a handover sheet: every case handed over, with what it still needs (an
// approval, the result, a notice answer, a rectification) and its due date.
import { Table, Tag, Typography } from "antd";
import type { HTMLAttributes } from "react";
import type { SheetLine } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { STATE_COLORS, stateLabel } from "../../lib/format/caseLabels";

type Props = { lines: SheetLine[]; testId: string; onOpenCase?: (caseId: string) => void };

export function SheetTable({ lines, testId, onOpenCase }: Props) {
  const t = useT();
  return (
    <Table<SheetLine>
      rowKey="case_id"
      size="small"
      pagination={false}
      data-testid={testId}
      dataSource={lines}
      onRow={(l) => ({ "data-testid": `sheet-line-${l.case_no}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t("handover.noCases") }}
      columns={[
        {
          title: t("queue.col.caseNo"),
          width: 250,
          render: (_, l) =>
            onOpenCase ? (
              <Typography.Link onClick={() => onOpenCase(l.case_id)}>{l.case_no}</Typography.Link>
            ) : (
              l.case_no
            ),
        },
        { title: t("queue.col.item"), dataIndex: "item_name" },
        { title: t("queue.col.applicant"), dataIndex: "applicant_name", width: 120 },
        {
          title: t("queue.col.state"),
          width: 130,
          render: (_, l) => <Tag color={STATE_COLORS[l.state]}>{stateLabel(l.state, t)}</Tag>,
        },
        { title: t("queue.col.due"), width: 110, render: (_, l) => l.due_date ?? "" },
        { title: t("handover.col.pending"), dataIndex: "pending" },
      ]}
    />
  );
}
