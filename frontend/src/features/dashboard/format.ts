// How the dashboard writes its figures: a rate (0–1) as a percent with one decimal, "—" when
// there is none (nothing completed, nobody rated).

export const NO_RATE = "—";

export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NO_RATE;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
