// Counter times as the backend sends them (local China time, `2026-02-10T09:00:12.345`),
// shown to the minute; the backend already reckons in China time, so no time-zone maths here.

/** `2026-02-10T09:00:12.345` → `2026-02-10 09:00`; anything else is shown as it came. */
export function formatLocalTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(value);
  return m ? `${m[1]} ${m[2]}` : value;
}
