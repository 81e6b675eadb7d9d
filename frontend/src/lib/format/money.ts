// Money formatting: amounts are integer fen (0.01 yuan) and never touch floating point.
import type { Translate } from "../i18n";

/** 8000 → "¥80.00", 123456789 → "¥1,234,567.89", -50 → "-¥0.50". */
export function formatFen(fen: number): string {
  if (!Number.isInteger(fen)) throw new RangeError(`amount in fen must be an integer: ${fen}`);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (abs % 100).toString().padStart(2, "0");
  return `${sign}¥${yuan}.${cents}`;
}

/** A fee column value: the amount, or "不收费" when the item has no fee. */
export function feeText(fen: number | null | undefined, t: Translate): string {
  return fen === null || fen === undefined ? t("fee.free") : formatFen(fen);
}

/**
 * A yuan amount typed by the clerk ("80", "12.5", "0.05") as integer fen, without floating
 * point; `null` for anything else (negative, more than two decimals, not a number).
 */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const whole = Number.parseInt(m[1] ?? "0", 10);
  const cents = Number.parseInt((m[2] ?? "").padEnd(2, "0"), 10);
  return whole * 100 + cents;
}
