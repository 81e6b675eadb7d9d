// The conflicts list: when the county refused, the case (a link when it is on this PC), the
// action, the county's reason and code.
import { Empty, Table, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { formatChinaTime } from "../../lib/format/time";
import type { Conflict } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { conflictAction } from "./conflictLabels";

type Props = { rows: Conflict[]; loading: boolean; onOpenCase: (caseId: string) => void };

export function ConflictsTable({ rows, loading, onOpenCase }: Props) {
  const t = useT();
  return (
    <Table<Conflict>
      size="small"
      rowKey="local_seq"
      loading={loading}
      dataSource={rows}
      pagination={false}
      data-testid="conflicts-table"
      onRow={(row) => ({ "data-testid": `conflict-row-${row.local_seq}` }) as HTMLAttributes<HTMLElement>}
      locale={{
        emptyText: loading ? (
          " "
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={<span data-testid="conflicts-empty">{t("conflicts.empty")}</span>}
          />
        ),
      }}
      columns={[
        {
          title: t("conflicts.col.refusedAt"),
          key: "refused_at",
          width: 150,
          render: (_, row) => formatChinaTime(row.refused_at),
        },
        {
          title: t("conflicts.col.caseNo"),
          key: "case",
          width: 250,
          render: (_, row) => {
            const label = row.case_no ?? row.case_id ?? "—";
            const caseId = row.case_id;
            return caseId ? (
              <Typography.Link
                onClick={() => onOpenCase(caseId)}
                data-testid={`conflict-case-${row.local_seq}`}
              >
                {label}
              </Typography.Link>
            ) : (
              label
            );
          },
        },
        {
          title: t("conflicts.col.action"),
          key: "action",
          width: 130,
          render: (_, row) => conflictAction(t, row.action),
        },
        { title: t("conflicts.col.reason"), dataIndex: "reason", key: "reason" },
        {
          title: t("conflicts.col.code"),
          key: "code",
          width: 150,
          render: (_, row) => <Typography.Text code>{row.code}</Typography.Text>,
        },
        {
          title: t("conflicts.col.doneAt"),
          key: "done_at",
          width: 150,
          render: (_, row) => formatChinaTime(row.done_at),
        },
      ]}
    />
  );
}
