// The figures of a cash report: per clerk and payment method (笔数, 应收, 作废退费, 实收), the
// window's totals per method and overall, and every charge or refund of the day. Amounts are
// integer fen shown as yuan.
import { Table, Tag, Typography } from "antd";
import type { HTMLAttributes } from "react";
import type { CashEntry, CashLine, CashReportView, PaymentMethod } from "../../lib/ipc";
import { useT, type Translate } from "../../lib/i18n";
import { formatFen } from "../../lib/format/money";
import { adjustmentLabel, methodLabel } from "../../lib/format/serviceLabels";
import { formatLocalTime } from "../../lib/format/time";

type Row = { key: string; clerk: string; method: PaymentMethod | null; line: CashLine };

function lineColumns(t: Translate) {
  const money = (v: number, id: string) => <span data-testid={id}>{formatFen(v)}</span>;
  return [
    { title: t("cash.col.count"), width: 80, render: (_: unknown, r: Row) => <span data-testid={`${r.key}-count`}>{r.line.count}</span> },
    { title: t("cash.col.charged"), width: 130, render: (_: unknown, r: Row) => money(r.line.charged_cents, `${r.key}-charged`) },
    { title: t("cash.col.voided"), width: 130, render: (_: unknown, r: Row) => money(r.line.voided_cents, `${r.key}-voided`) },
    {
      title: t("cash.col.collected"),
      width: 130,
      render: (_: unknown, r: Row) => <Typography.Text strong>{money(r.line.collected_cents, `${r.key}-collected`)}</Typography.Text>,
    },
  ];
}

export function ClerkTable({ report }: { report: CashReportView }) {
  const t = useT();
  const rows: Row[] = report.rows.map((r) => ({
    key: `cash-row-${r.clerk_id}-${r.method}`,
    clerk: r.clerk,
    method: r.method,
    line: r.line,
  }));
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid="cash-rows"
      dataSource={rows}
      onRow={(r) => ({ "data-testid": r.key }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t("cash.none") }}
      columns={[
        { title: t("cash.col.clerk"), dataIndex: "clerk" },
        { title: t("fee.method"), width: 100, render: (_, r) => (r.method ? methodLabel(r.method, t) : "") },
        ...lineColumns(t),
      ]}
    />
  );
}

export function TotalsTable({ report }: { report: CashReportView }) {
  const t = useT();
  const rows: Row[] = [
    ...report.by_method.map(([method, line]) => ({ key: `cash-method-${method}`, clerk: "", method, line })),
    { key: "cash-total", clerk: "", method: null, line: report.total },
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid="cash-totals"
      dataSource={rows}
      onRow={(r) => ({ "data-testid": r.key }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t("fee.method"),
          render: (_, r) => (r.method ? methodLabel(r.method, t) : <Typography.Text strong>{t("cash.total")}</Typography.Text>),
        },
        ...lineColumns(t),
      ]}
    />
  );
}

export function EntriesTable({ entries, onOpenCase }: { entries: CashEntry[]; onOpenCase: (caseId: string) => void }) {
  const t = useT();
  return (
    <Table<CashEntry>
      rowKey={(e) => `${e.case_id}-${e.charge.seq}`}
      size="small"
      pagination={false}
      data-testid="cash-entries"
      dataSource={entries}
      locale={{ emptyText: t("cash.none") }}
      columns={[
        { title: t("cash.col.at"), width: 140, render: (_, e) => formatLocalTime(e.charge.at) },
        {
          title: t("queue.col.caseNo"),
          width: 250,
          render: (_, e) => <Typography.Link onClick={() => onOpenCase(e.case_id)}>{e.case_no}</Typography.Link>,
        },
        { title: t("cash.col.clerk"), width: 90, render: (_, e) => e.charge.by },
        {
          title: t("fee.col.amount"),
          width: 170,
          render: (_, e) => (
            <>
              {formatFen(e.charge.charged_cents)}
              {e.charge.adjustment.type !== "standard" && (
                <Tag style={{ marginInlineStart: 6 }}>{adjustmentLabel(e.charge.adjustment.type, t)}</Tag>
              )}
            </>
          ),
        },
        { title: t("fee.method"), width: 90, render: (_, e) => methodLabel(e.charge.method, t) },
        {
          title: t("fee.col.codes"),
          render: (_, e) =>
            e.charge.receipt_no ? t("fee.codesLine", { code: e.charge.payment_code ?? "", receipt: e.charge.receipt_no }) : "—",
        },
        {
          title: t("fee.col.status"),
          width: 200,
          render: (_, e) =>
            e.charge.voided ? (
              <>
                <Tag>{t("fee.voided")}</Tag>
                {e.charge.voided.reason}
              </>
            ) : (
              <Tag color="green">{t("fee.valid")}</Tag>
            ),
        },
      ]}
    />
  );
}
