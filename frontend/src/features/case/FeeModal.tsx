// 收费: the item's fee standard (name, amount, basis) and how it is charged — the standard
// amount, a reduction (减收, the lower amount and its reason) or an exemption (免收, its
// reason) — how it was paid, and the fiscal system's payment code (非税缴款码, 20 digits) and
// receipt number (财政票据号, 8–12 digits), checked here before anything is sent.
import { Alert } from "antd";
import type { FeeStandard } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { formatFen } from "../../lib/format/money";
import { METHOD_KEYS, PAYMENT_METHODS } from "../../lib/format/serviceLabels";
import { ActionModal, type ModalField } from "./ActionModal";
import { PAYMENT_CODE, RECEIPT_NO, feeInputOf, reducedCents } from "./feeInput";
import type { CaseActor } from "./useCaseDetail";

type Props = { standard: FeeStandard; act: CaseActor; onClose: () => void };

export function FeeModal({ standard, act, onClose }: Props) {
  const t = useT();
  const paid = { field: "adjustment", value: ["standard", "reduced"] } as const;
  const fields: ModalField[] = [
    {
      name: "adjustment",
      label: "fee.adjustment",
      choices: [
        { value: "standard", label: "fee.adjustment.standard" },
        { value: "reduced", label: "fee.adjustment.reduced" },
        { value: "exempt", label: "fee.adjustment.exempt" },
      ],
    },
    {
      name: "amount",
      label: "fee.reducedAmount",
      shownWhen: { field: "adjustment", value: "reduced" },
      check: (v) =>
        reducedCents(v, standard.amount_cents) === null
          ? t("fee.reducedInvalid", { standard: formatFen(standard.amount_cents) })
          : null,
    },
    {
      name: "reason",
      label: "fee.adjustmentReason",
      multiline: true,
      shownWhen: { field: "adjustment", value: ["reduced", "exempt"] },
    },
    {
      name: "method",
      label: "fee.method",
      shownWhen: paid,
      choices: PAYMENT_METHODS.map((m) => ({ value: m, label: METHOD_KEYS[m] })),
    },
    {
      name: "payment_code",
      label: "fee.paymentCode",
      shownWhen: paid,
      check: (v) => (PAYMENT_CODE.test(v) ? null : t("fee.paymentCodeInvalid")),
    },
    {
      name: "receipt_no",
      label: "fee.receiptNo",
      shownWhen: paid,
      check: (v) => (RECEIPT_NO.test(v) ? null : t("fee.receiptNoInvalid")),
    },
  ];
  return (
    <ActionModal
      title={t("fee.chargeTitle")}
      fields={fields}
      initialValues={{ adjustment: "standard", method: "cash" }}
      okText={t("fee.charge")}
      intro={
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="fee-standard"
          message={t("fee.standardLine", { name: standard.name, amount: formatFen(standard.amount_cents) })}
          description={standard.basis ? t("detail.feeBasis", { basis: standard.basis }) : undefined}
        />
      }
      onClose={onClose}
      onSubmit={(v, key) => act({ type: "charge_fee", fee: feeInputOf(v, standard.amount_cents) }, key)}
    />
  );
}
