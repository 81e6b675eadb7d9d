// Display labels for the window's service records: payment methods and fee adjustments (收费),
// the five rating levels and their reasons (好差评). Records over each union, so a new backend
// value fails the typecheck until it has a label.
import type { FeeAdjustment, PaymentMethod, Rating } from "../ipc";
import type { MessageKey, Translate } from "../i18n";

export const METHOD_KEYS: Record<PaymentMethod, MessageKey> = {
  cash: "fee.method.cash",
  bank_card: "fee.method.bank_card",
  scan: "fee.method.scan",
};

/** Every payment method, in the order the fee form offers them. */
export const PAYMENT_METHODS = Object.keys(METHOD_KEYS) as PaymentMethod[];

const ADJUSTMENT_KEYS: Record<FeeAdjustment["type"], MessageKey> = {
  standard: "fee.adjustment.standard",
  reduced: "fee.adjustment.reduced",
  exempt: "fee.adjustment.exempt",
};

const RATING_KEYS: Record<Rating, MessageKey> = {
  very_satisfied: "rating.very_satisfied",
  satisfied: "rating.satisfied",
  basic: "rating.basic",
  dissatisfied: "rating.dissatisfied",
  very_dissatisfied: "rating.very_dissatisfied",
};

/** The five levels, best first (the order the applicant sees them). */
export const RATINGS = Object.keys(RATING_KEYS) as Rating[];

/** 差评: the last two levels, which open a rectification task. */
export function isBadRating(r: Rating): boolean {
  return r === "dissatisfied" || r === "very_dissatisfied";
}

export const RATING_COLORS: Record<Rating, string> = {
  very_satisfied: "green",
  satisfied: "green",
  basic: "blue",
  dissatisfied: "orange",
  very_dissatisfied: "red",
};

/** The national 好差评 reason codes the backend knows; another code is shown as it came. */
const REASON_KEYS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ["slow", "ratingReason.slow"],
  ["repeat_visits", "ratingReason.repeat_visits"],
  ["unclear_notice", "ratingReason.unclear_notice"],
  ["attitude", "ratingReason.attitude"],
  ["extra_materials", "ratingReason.extra_materials"],
  ["other", "ratingReason.other"],
]);

export const methodLabel = (m: PaymentMethod, t: Translate) => t(METHOD_KEYS[m]);
export const adjustmentLabel = (a: FeeAdjustment["type"], t: Translate) => t(ADJUSTMENT_KEYS[a]);
export const ratingLabel = (r: Rating, t: Translate) => t(RATING_KEYS[r]);

export function reasonLabel(code: string, t: Translate): string {
  const key = REASON_KEYS.get(code);
  return key ? t(key) : code;
}
