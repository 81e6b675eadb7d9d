// The requests waiting for the chief representative, in the backend's order (soonest due
// first; decisions and extensions before notice overrides): case number (opens the case),
// item, what is asked (by whom, when, with the note), applicant, due date with its card; the
// chief representative's 审批同意 / 退回 on each row.
import { Button, Empty, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import { useT } from "../../lib/i18n";
import { CARD_COLORS, cardLabel } from "../../lib/format/caseLabels";
import { formatChinaTime } from "../../lib/format/time";
import { subjectText } from "../case/approvalSubject";
import type { PendingRow } from "./usePendingApprovals";

export type ChiefDecision = "approve" | "return_with_opinion";

type Props = {
  rows: PendingRow[];
  loading: boolean;
  onOpenCase: (caseId: string) => void;
  /** Present for the chief representative only: the row's decision buttons. */
  onDecide?: (row: PendingRow, decision: ChiefDecision) => void;
};

export function ApprovalsTable({ rows, loading, onOpenCase, onDecide }: Props) {
  const t = useT();
  const columns: ColumnsType<PendingRow> = [
    {
      title: t("queue.col.caseNo"),
      key: "case_no",
      width: 260,
      render: (_, r) => (
        <Typography.Link onClick={() => onOpenCase(r.id)} data-testid={`approval-case-${r.case_no}`}>
          {r.case_no}
        </Typography.Link>
      ),
    },
    {
      title: t("queue.col.item"),
      key: "item",
      render: (_, r) => (
        <>
          {r.item_name}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.item_code}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t("approvals.col.subject"),
      key: "subject",
      render: (_, r) => (
        <div data-testid={`approval-subject-${r.case_no}`}>
          {r.request ? subjectText(r.request.subject, t) : t("approvals.subjectUnknown")}
          {r.request && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("approval.requestedBy", { by: r.request.by, at: formatChinaTime(r.request.at) })}
                {r.request.note && ` · ${r.request.note}`}
              </Typography.Text>
            </>
          )}
        </div>
      ),
    },
    {
      title: t("queue.col.applicant"),
      key: "applicant",
      width: 200,
      render: (_, r) => (
        <>
          {r.applicant_name}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.applicant_id_masked}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t("queue.col.due"),
      key: "due",
      width: 180,
      render: (_, r) => (
        <Space size={4} data-testid={`approval-due-${r.case_no}`}>
          {r.due_date ?? ""}
          {r.card && <Tag color={CARD_COLORS[r.card]}>{cardLabel(r.card, t)}</Tag>}
        </Space>
      ),
    },
  ];
  if (onDecide) {
    columns.push({
      title: t("approvals.col.decide"),
      key: "decide",
      width: 190,
      render: (_, r) => (
        <Space>
          <Button
            type="primary"
            size="small"
            data-testid={`approval-approve-${r.case_no}`}
            onClick={() => onDecide(r, "approve")}
          >
            {t("caseAction.approve")}
          </Button>
          <Button
            size="small"
            data-testid={`approval-return-${r.case_no}`}
            onClick={() => onDecide(r, "return_with_opinion")}
          >
            {t("caseAction.returnWithOpinion")}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Table<PendingRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      data-testid="approvals-table"
      onRow={(r) => ({ "data-testid": `approval-row-${r.case_no}` }) as HTMLAttributes<HTMLElement>}
      locale={{
        emptyText: loading ? (
          " "
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={<span data-testid="approvals-empty">{t("approvals.empty")}</span>}
          />
        ),
      }}
    />
  );
}
