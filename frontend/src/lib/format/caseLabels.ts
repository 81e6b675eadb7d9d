// Display labels for the case enums (state, action, timeline event, clock start, notice kind,
// card, supervised card and its status, pause kind, inquiry outcome). Records over each union, so a new backend value fails the
// typecheck until it has a label.
import type {
  Action,
  Card,
  CardLevel,
  CardStatus,
  CaseState,
  EventKind,
  InquiryOutcome,
  NoticeKind,
  PauseKind,
  StartEvent,
} from "../ipc";
import type { MessageKey, Translate } from "../i18n";

const STATE_KEYS: Record<CaseState, MessageKey> = {
  consulted: "state.consulted",
  received: "state.received",
  reviewing: "state.reviewing",
  awaiting_correction: "state.awaiting_correction",
  accepted: "state.accepted",
  processing: "state.processing",
  suspended: "state.suspended",
  awaiting_approval: "state.awaiting_approval",
  awaiting_fee: "state.awaiting_fee",
  completed: "state.completed",
  evaluated: "state.evaluated",
  rejected: "state.rejected",
  withdrawn: "state.withdrawn",
};

/** Every state, in the order of a case's life (for the queue's state filter). */
export const CASE_STATES = Object.keys(STATE_KEYS) as CaseState[];

export const STATE_COLORS: Record<CaseState, string> = {
  consulted: "default",
  received: "default",
  reviewing: "processing",
  awaiting_correction: "orange",
  accepted: "blue",
  processing: "blue",
  suspended: "purple",
  awaiting_approval: "gold",
  awaiting_fee: "gold",
  completed: "green",
  evaluated: "green",
  rejected: "red",
  withdrawn: "default",
};

const ACTION_KEYS: Record<Action, MessageKey> = {
  receive: "action.receive",
  start_review: "action.start_review",
  request_correction: "action.request_correction",
  correction_received: "action.correction_received",
  reopen_review: "action.reopen_review",
  accept: "action.accept",
  reject: "action.reject",
  withdraw: "action.withdraw",
  start_processing: "action.start_processing",
  suspend: "action.suspend",
  resume: "action.resume",
  request_approval: "action.request_approval",
  approve: "action.approve",
  return_with_opinion: "action.return_with_opinion",
  request_fee: "action.request_fee",
  record_payment: "action.record_payment",
  complete: "action.complete",
  evaluate: "action.evaluate",
};

const START_KEYS: Record<StartEvent, MessageKey> = {
  accepted_on_receipt: "start.accepted_on_receipt",
  materials_completed: "start.materials_completed",
  deemed_accepted_on_receipt: "start.deemed_accepted_on_receipt",
  accepted: "start.accepted",
};

const NOTICE_KEYS: Record<NoticeKind, MessageKey> = {
  correction: "noticeKind.correction",
  acceptance: "noticeKind.acceptance",
  rejection: "noticeKind.rejection",
  completion: "noticeKind.completion",
};

const CARD_KEYS: Record<Card, MessageKey> = { yellow: "card.yellow", red: "card.red" };
export const CARD_COLORS: Record<Card, string> = { yellow: "gold", red: "red" };

/** 电子监察: the deadline cards, and the late rectification tasks of a bad rating. */
const CARD_LEVEL_KEYS: Record<CardLevel, MessageKey> = {
  yellow: "cardLevel.yellow",
  red: "cardLevel.red",
  follow_up_late: "cardLevel.follow_up_late",
  rectify_late: "cardLevel.rectify_late",
};
export const CARD_LEVELS = Object.keys(CARD_LEVEL_KEYS) as CardLevel[];
export const CARD_LEVEL_COLORS: Record<CardLevel, string> = {
  yellow: "gold",
  red: "red",
  follow_up_late: "orange",
  rectify_late: "orange",
};

const CARD_STATUS_KEYS: Record<CardStatus, MessageKey> = {
  standing: "cardStatus.standing",
  appealed: "cardStatus.appealed",
  upheld: "cardStatus.upheld",
  cancelled: "cardStatus.cancelled",
};
export const CARD_STATUS_COLORS: Record<CardStatus, string> = {
  standing: "default",
  appealed: "processing",
  upheld: "volcano",
  cancelled: "green",
};

const PAUSE_KEYS: Record<PauseKind, MessageKey> = {
  correction: "pause.correction",
  special_procedure: "pause.special_procedure",
};

const OUTCOME_KEYS: Record<InquiryOutcome, MessageKey> = {
  answered: "inquiry.outcome.answered",
  referred: "inquiry.outcome.referred",
  case_opened: "inquiry.outcome.case_opened",
};
export const INQUIRY_OUTCOMES = Object.keys(OUTCOME_KEYS) as InquiryOutcome[];

export const stateLabel = (s: CaseState, t: Translate) => t(STATE_KEYS[s]);
export const actionLabel = (a: Action, t: Translate) => t(ACTION_KEYS[a]);
export const startEventLabel = (s: StartEvent, t: Translate) => t(START_KEYS[s]);
export const noticeKindLabel = (k: NoticeKind, t: Translate) => t(NOTICE_KEYS[k]);
export const cardLabel = (c: Card, t: Translate) => t(CARD_KEYS[c]);
export const cardLevelLabel = (c: CardLevel, t: Translate) => t(CARD_LEVEL_KEYS[c]);
export const cardStatusLabel = (s: CardStatus, t: Translate) => t(CARD_STATUS_KEYS[s]);
export const pauseKindLabel = (k: PauseKind, t: Translate) => t(PAUSE_KEYS[k]);
export const outcomeLabel = (o: InquiryOutcome, t: Translate) => t(OUTCOME_KEYS[o]);

/** A timeline line's "what": a transition by its action, or one of the plain events. */
export function eventLabel(what: EventKind, t: Translate): string {
  if (typeof what === "object") return actionLabel(what.transition, t);
  switch (what) {
    case "checklist_updated":
      return t("event.checklist_updated");
    case "notice_issued":
      return t("event.notice_issued");
    case "notice_voided":
      return t("event.notice_voided");
    case "result_issued":
      return t("event.result_issued");
    case "approval_requested":
      return t("event.approval_requested");
    case "approval_decided":
      return t("event.approval_decided");
    case "handed_over":
      return t("event.handed_over");
    case "handed_back":
      return t("event.handed_back");
    case "fee_charged":
      return t("event.fee_charged");
    case "fee_voided":
      return t("event.fee_voided");
    case "evaluated":
      return t("event.evaluated");
    case "followed_up":
      return t("event.followed_up");
    case "rectified":
      return t("event.rectified");
    case "card_appealed":
      return t("event.card_appealed");
    case "appeal_ruled":
      return t("event.appeal_ruled");
    default: {
      const unreachable: never = what;
      return unreachable;
    }
  }
}
