// Which action buttons the case page shows: only what the backend's `allowed` (the state
// machine's next actions) permits, mapped to the commands the window can give. The chief
// representative's own decisions (审批同意 / 退回) are shown only to a chief representative.
// 出件 is no state-machine action: it is offered once a case is completed and until its
// result has been handed over (or posted).
import type { Action, Case, ItemKind } from "../../lib/ipc";
import type { MessageKey } from "../../lib/i18n";

export type CaseButton =
  | "approve"
  | "return_with_opinion"
  | "issue_correction"
  | "correction_received"
  | "accept"
  | "complete_on_the_spot"
  | "request_approval"
  | "request_override"
  | "complete"
  | "reject"
  | "withdraw"
  | "suspend"
  | "resume"
  | "issue_result";

export const BUTTON_LABELS: Record<CaseButton, MessageKey> = {
  approve: "caseAction.approve",
  return_with_opinion: "caseAction.returnWithOpinion",
  issue_correction: "caseAction.issueCorrection",
  correction_received: "caseAction.correctionReceived",
  accept: "caseAction.accept",
  complete_on_the_spot: "caseAction.completeOnTheSpot",
  request_approval: "caseAction.requestApproval",
  request_override: "caseAction.requestOverride",
  complete: "caseAction.complete",
  reject: "caseAction.reject",
  withdraw: "caseAction.withdraw",
  suspend: "caseAction.suspend",
  resume: "caseAction.resume",
  issue_result: "caseAction.issueResult",
};

/** Whether the result of `c` is still to be issued (出件): completed (or evaluated), none yet. */
export function resultDue(c: Pick<Case, "state" | "result">): boolean {
  return (c.state === "completed" || c.state === "evaluated") && c.result === null;
}

/**
 * What 提请审批 means for this case now: a decision or an extension (`approval`, the default);
 * under review, after the one-time rule refused a notice, a notice override (`override`,
 * 报首席代表审批（增加材料）); or nothing to ask for (`none`).
 */
export type ApprovalRequestOffer = "approval" | "override" | "none";

/**
 * Who is looking: only a chief representative (首席代表) gets 审批同意 and 退回. `resultDue`
 * (see `resultDue()`) adds 出件; `approvalRequest` says what 提请审批 would ask for.
 */
export type Viewer = { chiefRep: boolean; resultDue?: boolean; approvalRequest?: ApprovalRequestOffer };

const CLERK: Viewer = { chiefRep: false };

/**
 * The buttons for `allowed`, in the order a clerk reads them (forward first, closing last).
 * A 即办件 (immediate item) is completed at the counter: it gets 当场办结 first and no 受理,
 * since accepting it would leave an on-the-spot case with nothing to complete it with.
 * 办结 and 提请首席代表审批 come after 受理 (they follow it in a case's life; once approved,
 * 办结 is the step and asking again comes second); the chief representative's 审批同意 and
 * 退回 lead, since awaiting approval they are the next step. 出件, when due, comes first: it is
 * what is left to do for a completed case.
 */
export function caseButtons(
  allowed: readonly Action[],
  itemKind: ItemKind,
  viewer: Viewer = CLERK,
): CaseButton[] {
  const has = (a: Action) => allowed.includes(a);
  const out: CaseButton[] = [];
  if (viewer.resultDue) out.push("issue_result");
  if (viewer.chiefRep && has("approve")) out.push("approve");
  if (viewer.chiefRep && has("return_with_opinion")) out.push("return_with_opinion");
  if (has("accept") && itemKind === "immediate") out.push("complete_on_the_spot");
  if (has("request_correction")) out.push("issue_correction");
  if (has("correction_received")) out.push("correction_received");
  if (has("accept") && itemKind !== "immediate") out.push("accept");
  if (has("complete")) out.push("complete");
  if (has("request_approval") && (viewer.approvalRequest ?? "approval") === "approval") out.push("request_approval");
  if (has("request_approval") && viewer.approvalRequest === "override") out.push("request_override");
  if (has("suspend")) out.push("suspend");
  if (has("resume")) out.push("resume");
  if (has("reject")) out.push("reject");
  if (has("withdraw")) out.push("withdraw");
  return out;
}

/**
 * The buttons drawn as primary, among those `shown`: after acceptance the next step — 审批同意
 * for the chief representative, 提请首席代表审批 for a flagged item until it is approved, then
 * 办结; before it, 当场办结 for a 即办件, otherwise 受理 and the one-time notice. 出件 is
 * always primary (a completed case has nothing else to do).
 */
export function isPrimary(
  button: CaseButton,
  itemKind: ItemKind,
  shown: readonly CaseButton[] = [],
): boolean {
  switch (button) {
    case "approve":
    case "complete":
    case "issue_result":
    case "request_override":
      return true;
    case "request_approval":
      // Approved already: 办结 is the step; asking again stays possible, but not first.
      return !shown.includes("complete");
    default:
      if (itemKind === "immediate") return button === "complete_on_the_spot";
      return button === "accept" || button === "issue_correction";
  }
}
