// 收费 on the case page, for an item with a fee standard: every charge (amount, how it was
// adjusted, paid, the payment code and receipt number, by whom and when; voided ones with
// their reason) with 作废 on the standing one, and 收费 while the case may be charged.
import { Button, Card, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState, type HTMLAttributes } from "react";
import type { Case, FeeCharge } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { formatFen } from "../../lib/format/money";
import { adjustmentLabel, methodLabel } from "../../lib/format/serviceLabels";
import { formatLocalTime } from "../../lib/format/time";
import { ActionModal } from "./ActionModal";
import { canCharge } from "./feeInput";
import { FeeModal } from "./FeeModal";
import type { CaseActor } from "./useCaseDetail";

type Props = { case: Case; act: CaseActor };

export function FeesCard({ case: c, act }: Props) {
  const t = useT();
  const [charging, setCharging] = useState(false);
  const [voiding, setVoiding] = useState<FeeCharge | null>(null);
  const standard = c.item.fee;
  if (!standard && c.fees.length === 0) return null;

  const columns: ColumnsType<FeeCharge> = [
    {
      title: t("fee.col.amount"),
      width: 200,
      render: (_, f) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong data-testid={`fee-amount-${f.seq}`}>
            {formatFen(f.charged_cents)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.standard_name}
            {f.adjustment.type !== "standard" &&
              ` · ${adjustmentLabel(f.adjustment.type, t)}（${f.adjustment.reason}）`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("fee.method"),
      width: 90,
      render: (_, f) => (f.charged_cents > 0 ? methodLabel(f.method, t) : "—"),
    },
    {
      title: t("fee.col.codes"),
      render: (_, f) => (
        <span data-testid={`fee-receipt-${f.seq}`}>
          {f.receipt_no ? t("fee.codesLine", { code: f.payment_code ?? "", receipt: f.receipt_no }) : "—"}
        </span>
      ),
    },
    {
      title: t("fee.col.by"),
      width: 170,
      render: (_, f) => t("fee.byLine", { by: f.by, at: formatLocalTime(f.at) }),
    },
    {
      title: t("fee.col.status"),
      width: 220,
      render: (_, f) =>
        f.voided ? (
          <span data-testid={`fee-voided-${f.seq}`}>
            <Tag>{t("fee.voided")}</Tag>
            {t("fee.voidedLine", { reason: f.voided.reason, by: f.voided.by, at: formatLocalTime(f.voided.at) })}
          </span>
        ) : (
          <Space>
            <Tag color="green">{t("fee.valid")}</Tag>
            <Button size="small" danger data-testid={`fee-void-${f.seq}`} onClick={() => setVoiding(f)}>
              {t("fee.void")}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t("fee.title")}
      data-testid="case-fees"
      extra={
        standard &&
        canCharge(c) && (
          <Button type="primary" size="small" data-testid="fee-charge" onClick={() => setCharging(true)}>
            {t("fee.charge")}
          </Button>
        )
      }
    >
      {standard && (
        <Typography.Paragraph type="secondary" data-testid="fee-standard-line">
          {t("fee.standardLine", { name: standard.name, amount: formatFen(standard.amount_cents) })}
        </Typography.Paragraph>
      )}
      <Table<FeeCharge>
        rowKey="seq"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={c.fees}
        onRow={(f) => ({ "data-testid": `fee-row-${f.seq}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t("fee.none") }}
      />
      {charging && standard && <FeeModal standard={standard} act={act} onClose={() => setCharging(false)} />}
      {voiding && (
        <ActionModal
          title={t("fee.voidTitle", { amount: formatFen(voiding.charged_cents) })}
          fields={[{ name: "reason", label: "caseModal.reason", multiline: true }]}
          danger
          okText={t("fee.void")}
          onClose={() => setVoiding(null)}
          onSubmit={(v, key) => act({ type: "void_fee", seq: voiding.seq, reason: v.reason?.trim() ?? "" }, key)}
        />
      )}
    </Card>
  );
}
