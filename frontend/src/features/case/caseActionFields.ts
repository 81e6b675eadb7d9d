// The words each case action asks for (the fields of its modal), and how a decision (办结决定)
// is read from and written into them.
import type { Decision } from "../../lib/ipc";
import type { ModalField } from "./ActionModal";

/** Special procedures a clerk most often starts (行政许可法 Art. 45); any other can be typed. */
export const PROCEDURES = ["现场核查", "专家评审", "听证", "检验检测", "检测鉴定"] as const;

/** The legal basis of special procedures, offered pre-filled (a legal text, not UI wording). */
export const SUSPEND_BASIS = "《中华人民共和国行政许可法》第四十五条";

/** The decision of 办结 (行政许可法 Art. 38): granted, or denied with reason and legal basis. */
export const DECISION_FIELD: ModalField = {
  name: "decision",
  label: "caseModal.decision",
  choices: [
    { value: "granted", label: "caseModal.granted" },
    { value: "denied", label: "caseModal.denied" },
  ],
};
export const WHEN_DENIED = { field: "decision", value: "denied" } as const;

/** The reason and legal basis of a denial, shown while `when` holds (and the decision is denied). */
export function denialFields(when: readonly { field: string; value: string }[] = []): ModalField[] {
  const shownWhen = [...when, WHEN_DENIED];
  return [
    { name: "reason", label: "caseModal.reason", multiline: true, shownWhen, extra: "caseModal.deniedHint" },
    { name: "legal_basis", label: "caseModal.legalBasis", shownWhen },
  ];
}

/** How the result is handed over (出件): collected at the window, or posted. */
const DELIVERY_FIELD: ModalField = {
  name: "delivery",
  label: "caseModal.delivery",
  choices: [
    { value: "counter", label: "caseModal.counter" },
    { value: "post", label: "caseModal.post" },
  ],
};

export const FIELDS = {
  reject: [
    { name: "reason", label: "caseModal.reason", multiline: true },
    { name: "legal_basis", label: "caseModal.legalBasis" },
  ],
  withdraw: [{ name: "reason", label: "caseModal.reason", multiline: true }],
  suspend: [
    { name: "procedure", label: "caseModal.procedure", suggestions: PROCEDURES },
    { name: "reason", label: "caseModal.reason", multiline: true },
    { name: "legal_basis", label: "caseModal.legalBasis" },
  ],
  complete: [DECISION_FIELD, ...denialFields()],
  issue_result: [
    DELIVERY_FIELD,
    { name: "collected_by", label: "caseModal.collectedBy", shownWhen: { field: "delivery", value: "counter" } },
    { name: "tracking_no", label: "caseModal.trackingNo", shownWhen: { field: "delivery", value: "post" } },
  ],
} as const satisfies Record<string, readonly ModalField[]>;

/** The decision the fields hold. */
export function decisionOf(v: Record<string, string>): Decision {
  return v.decision === "denied"
    ? { type: "denied", reason: v.reason?.trim() ?? "", legal_basis: v.legal_basis?.trim() ?? "" }
    : { type: "granted" };
}

/** The fields' starting values for `d` (granted when there is none). */
export function decisionValues(d: Decision | null): Record<string, string> {
  if (d?.type === "denied") return { decision: "denied", reason: d.reason, legal_basis: d.legal_basis };
  return { decision: "granted" };
}
