// The requests waiting for the chief representative, oldest first: case number (opens the
// case), item and state (a notice override is asked while the case is still under review),
// what is asked (by whom, when, with the note), applicant, due date; the chief
// representative's 审批同意 / 退回 on each row.
import { Button, Empty, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { PendingApproval } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { STATE_COLORS, stateLabel } from "../../lib/format/caseLabels";
import { formatChinaTime } from "../../lib/format/time";
import { subjectText } from "../case/approvalSubject";

export type ChiefDecision = "approve" | "return_with_opinion";

type Props = {
  rows: PendingApproval[];
  loading: boolean;
  onOpenCase: (caseId: string) => void;
  /** Present for the chief representative only: the row's decision buttons. */
  onDecide?: (row: PendingApproval, decision: ChiefDecision) => void;
};

export function ApprovalsTable({ rows, loading, onOpenCase, onDecide }: Props) {
  const t = useT();
  const columns: ColumnsType<PendingApproval> = [
    {
      title: t("queue.col.caseNo"),
      key: "case_no",
      width: 260,
      render: (_, r) => (
        <Typography.Link onClick={() => onOpenCase(r.case_id)} data-testid={`approval-case-${r.case_no}`}>
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
          <Tag color={STATE_COLORS[r.state]} bordered={false}>
            {stateLabel(r.state, t)}
          </Tag>
        </>
      ),
    },
    {
      title: t("approvals.col.subject"),
      key: "subject",
      render: (_, r) => (
        <div data-testid={`approval-subject-${r.case_no}`}>
          {subjectText(r.request.subject, t)}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("approval.requestedBy", { by: r.request.by, at: formatChinaTime(r.request.at) })}
            {r.request.note && ` · ${r.request.note}`}
          </Typography.Text>
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
      width: 120,
      render: (_, r) => <span data-testid={`approval-due-${r.case_no}`}>{r.due_date ?? ""}</span>,
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
    <Table<PendingApproval>
      rowKey="case_id"
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
