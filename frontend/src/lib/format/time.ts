// Counter times as the backend sends them (local China time, `2026-02-10T09:00:12.345`),
// shown to the minute; the backend already reckons in China time, so no time-zone maths here.

/** `2026-02-10T09:00:12.345` → `2026-02-10 09:00`; anything else is shown as it came. */
export function formatLocalTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(value);
  return m ? `${m[1]} ${m[2]}` : value;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An RFC 3339 instant (usually UTC, e.g. `2026-03-02T01:11:00+00:00`) shown as China Standard
 * Time (UTC+8, no daylight saving) to the minute: `2026-03-02 09:11`. A time without an offset
 * is taken as already local; anything unreadable is shown as it came.
 */
export function formatChinaTime(value: string): string {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return formatLocalTime(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const d = new Date(ms + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
