// Axis arithmetic shared by the charts: a round top and step for an axis starting at zero,
// and a rough text width (the SVG is laid out before the browser measures anything).

/** A round top for an axis over [0, max] in about `ticks` steps of 1, 2 or 5 × 10ⁿ (at least 1: counts). */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  const step = Math.max(1, nice * magnitude);
  return { top: Math.ceil(max / step) * step, step };
}

/** The ticks 0, step, 2·step … top. */
export function ticksOf(top: number, step: number): number[] {
  const out: number[] = [];
  for (let v = 0; v <= top + step / 1e6; v += step) out.push(v);
  return out;
}

/** Estimated width of `text` at `fontSize`: CJK characters are square, others about half. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.58;
  return units * fontSize;
}

/** `text` cut to fit `width` at `fontSize`, with an ellipsis when cut. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > width) break;
    out += ch;
  }
  return `${out}…`;
}
