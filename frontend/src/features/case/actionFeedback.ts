// What the clerk is told after a case action went through: a short success line, naming the
// notice a command issued (so it can be printed straight away).
import type { CaseCommand, CaseDetail, NoticeSummary } from "../../lib/ipc";
import type { MessageKey } from "../../lib/i18n";

const DONE: Record<CaseCommand["type"], MessageKey> = {
  update_checklist: "caseDone.checklistSaved",
  issue_correction_notice: "caseDone.correctionIssued",
  correction_received: "caseDone.correctionReceived",
  accept: "caseDone.accepted",
  reject: "caseDone.rejected",
  withdraw: "caseDone.withdrawn",
  complete_on_the_spot: "caseDone.completed",
  suspend: "caseDone.suspended",
  resume: "caseDone.resumed",
  void_notice: "caseDone.voided",
  reissue_notice: "caseDone.reissued",
  request_approval: "caseDone.approvalRequested",
  approve: "caseDone.approved",
  return_with_opinion: "caseDone.returned",
  complete: "caseDone.closed",
  issue_result: "caseDone.resultIssued",
  hand_over: "caseDone.handedOver",
  take_back: "caseDone.takenBack",
  charge_fee: "caseDone.feeCharged",
  void_fee: "caseDone.feeVoided",
  // Never sent from the counter window (the applicant rates on the rating screen).
  evaluate: "caseDone.evaluated",
  follow_up: "caseDone.followedUp",
  rectify: "caseDone.rectified",
  // Sent from the 电子监察 page (an appeal of a card, and the supervisor's ruling).
  appeal_card: "caseDone.cardAppealed",
  rule_appeal: "caseDone.appealRuled",
};

export function doneMessageKey(command: CaseCommand): MessageKey {
  // A denial is a completion too (办结), but the clerk is told which decision was recorded.
  if (command.type === "complete" && command.decision.type === "denied") return "caseDone.closedDenied";
  // An extension or a notice override is asked for too, but the clerk is told which.
  if (command.type === "request_approval" && command.subject.type === "extension") {
    return "caseDone.extensionRequested";
  }
  if (command.type === "request_approval" && command.subject.type === "notice_override") {
    return "caseDone.overrideRequested";
  }
  // A ruling either keeps the card or cancels it: the supervisor is told which.
  if (command.type === "rule_appeal") return command.uphold ? "caseDone.appealUpheld" : "caseDone.appealCancelled";
  return DONE[command.type];
}

/** The notices `after` has that `before` had not (by number). */
export function newNotices(before: CaseDetail | null, after: CaseDetail): NoticeSummary[] {
  const known = new Set((before?.notices ?? []).map((n) => n.number));
  return after.notices.filter((n) => !known.has(n.number));
}
