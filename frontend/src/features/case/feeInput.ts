// The fee form's rules (收费, DOMAIN.md rule 6): when a case can be charged, the formats of the
// fiscal system's payment code (20 digits) and receipt number (8 to 12 digits), and the
// `FeeInput` the typed values make. Money stays in integer fen.
import type { Case, FeeInput, PaymentMethod } from "../../lib/ipc";
import { parseYuan } from "../../lib/format/money";

export const PAYMENT_CODE = /^\d{20}$/;
export const RECEIPT_NO = /^\d{8,12}$/;

/**
 * A fee may be charged now: the item has a fee standard, the case was accepted (its clock
 * started), it was not refused or withdrawn, its result is not issued yet, and no charge
 * stands (a voided one may be charged again).
 */
export function canCharge(
  c: Pick<Case, "item" | "clock" | "state" | "result" | "fees">,
): boolean {
  return (
    c.item.fee !== null &&
    c.clock !== null &&
    c.state !== "rejected" &&
    c.state !== "withdrawn" &&
    c.result === null &&
    !c.fees.some((f) => f.voided === null)
  );
}

/** A reduced amount in fen, when the text is one: above zero and below the standard. */
export function reducedCents(text: string, standardCents: number): number | null {
  const cents = parseYuan(text);
  return cents !== null && cents > 0 && cents < standardCents ? cents : null;
}

function method(value: string | undefined): PaymentMethod {
  return value === "bank_card" || value === "scan" ? value : "cash";
}

/**
 * What the form's values send. An exemption moves no money: it has no payment code or
 * receipt, and its method (which the backend requires) is recorded as cash.
 */
export function feeInputOf(v: Record<string, string>, standardCents: number): FeeInput {
  const code = v.payment_code?.trim() ?? "";
  const receipt = v.receipt_no?.trim() ?? "";
  switch (v.adjustment) {
    case "exempt":
      return {
        adjustment: { type: "exempt", reason: v.reason?.trim() ?? "" },
        method: "cash",
        payment_code: "",
        receipt_no: "",
      };
    case "reduced":
      return {
        adjustment: {
          type: "reduced",
          amount_cents: reducedCents(v.amount ?? "", standardCents) ?? 0,
          reason: v.reason?.trim() ?? "",
        },
        method: method(v.method),
        payment_code: code,
        receipt_no: receipt,
      };
    default:
      return { adjustment: { type: "standard" }, method: method(v.method), payment_code: code, receipt_no: receipt };
  }
}
