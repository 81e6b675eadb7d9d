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
