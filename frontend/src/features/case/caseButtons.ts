// Which action buttons the case page shows: only what the backend's `allowed` (the state
// machine's next actions) permits, mapped to the commands the window can give.
import type { Action, ItemKind } from "../../lib/ipc";
import type { MessageKey } from "../../lib/i18n";

export type CaseButton =
  | "issue_correction"
  | "correction_received"
  | "accept"
  | "complete_on_the_spot"
  | "reject"
  | "withdraw"
  | "suspend"
  | "resume";

export const BUTTON_LABELS: Record<CaseButton, MessageKey> = {
  issue_correction: "caseAction.issueCorrection",
  correction_received: "caseAction.correctionReceived",
  accept: "caseAction.accept",
  complete_on_the_spot: "caseAction.completeOnTheSpot",
  reject: "caseAction.reject",
  withdraw: "caseAction.withdraw",
  suspend: "caseAction.suspend",
  resume: "caseAction.resume",
};

/**
 * The buttons for `allowed`, in the order a clerk reads them (forward first, closing last).
 * A 即办件 (immediate item) is completed at the counter: it gets 当场办结 first and no 受理,
 * since accepting it would leave an on-the-spot case with nothing to complete it with.
 */
export function caseButtons(allowed: readonly Action[], itemKind: ItemKind): CaseButton[] {
  const has = (a: Action) => allowed.includes(a);
  const out: CaseButton[] = [];
  if (has("accept") && itemKind === "immediate") out.push("complete_on_the_spot");
  if (has("request_correction")) out.push("issue_correction");
  if (has("correction_received")) out.push("correction_received");
  if (has("accept") && itemKind !== "immediate") out.push("accept");
  if (has("suspend")) out.push("suspend");
  if (has("resume")) out.push("resume");
  if (has("reject")) out.push("reject");
  if (has("withdraw")) out.push("withdraw");
  return out;
}

/** The buttons drawn as primary: 当场办结 for a 即办件, otherwise 受理 and the one-time notice. */
export function isPrimary(button: CaseButton, itemKind: ItemKind): boolean {
  if (itemKind === "immediate") return button === "complete_on_the_spot";
  return button === "accept" || button === "issue_correction";
}
