// The queue table, in the backend's order (soonest due first). Red-card rows are highlighted;
// under review the date shown is the notice deadline (告知期限), after acceptance the promised
// due date. A row (data-testid queue-row-<case_no>) opens the case.
import { Button, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { QueueItem } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { CARD_COLORS, cardLabel, stateLabel, STATE_COLORS } from "../../lib/format/caseLabels";
import { formatLocalTime } from "../../lib/format/time";

type Props = {
  rows: QueueItem[];
  loading: boolean;
  onOpen: (caseId: string) => void;
  /** Filters or a search are in force (an empty list then means "nothing matches"). */
  filtered?: boolean;
  onClearFilters?: () => void;
};

export function QueueTable({ rows, loading, onOpen, filtered = false, onClearFilters }: Props) {
  const t = useT();
  const columns: ColumnsType<QueueItem> = [
    { title: t("queue.col.caseNo"), dataIndex: "case_no", width: 260 },
    {
      title: t("queue.col.item"),
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
      title: t("queue.col.applicant"),
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
      title: t("queue.col.state"),
      width: 120,
      render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{stateLabel(r.state, t)}</Tag>,
    },
    {
      title: t("queue.col.due"),
      width: 170,
      render: (_, r) =>
        r.due_date ? (
          <span data-testid={`queue-due-${r.case_no}`}>
            {!r.due_is_promised && (
              <Typography.Text type="secondary">{t("queue.noticeDeadline")} </Typography.Text>
            )}
            {r.due_date}
          </span>
        ) : (
          ""
        ),
    },
    {
      title: t("queue.col.card"),
      width: 80,
      render: (_, r) =>
        r.card ? (
          <Tag color={CARD_COLORS[r.card]} data-testid={`queue-card-${r.case_no}`}>
            {cardLabel(r.card, t)}
          </Tag>
        ) : null,
    },
    { title: t("queue.col.received"), width: 150, render: (_, r) => formatLocalTime(r.received_at) },
  ];

  return (
    <Table<QueueItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      locale={{
        emptyText: filtered ? (
          <Space direction="vertical" data-testid="queue-no-match">
            <span>{t("queue.noMatch")}</span>
            {onClearFilters && (
              <Button size="small" data-testid="queue-clear-filters" onClick={onClearFilters}>
                {t("queue.clearFilters")}
              </Button>
            )}
          </Space>
        ) : (
          t("queue.empty")
        ),
      }}
      data-testid="queue-table"
      onRow={(r) =>
        ({
          "data-testid": `queue-row-${r.case_no}`,
          onClick: () => onOpen(r.id),
          style: { cursor: "pointer", background: r.card === "red" ? "#fff1f0" : undefined },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
