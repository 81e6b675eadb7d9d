// The clerk's unsaved checklist ticks: what each line will be saved as.
import type { ChecklistLine, LineUpdate, MaterialStatus } from "../../lib/ipc";

export type Tick = "pending" | "received" | "missing" | "defective";
export type Draft = Record<string, { tick: Tick; reason: string }>;

export function draftOf(lines: readonly ChecklistLine[]): Draft {
  const out: Draft = {};
  for (const l of lines) {
    out[l.code] = {
      tick: l.status.status,
      reason: l.status.status === "defective" ? l.status.reason : "",
    };
  }
  return out;
}

function statusOf(d: { tick: Tick; reason: string }): MaterialStatus {
  return d.tick === "defective" ? { status: "defective", reason: d.reason } : { status: d.tick };
}

export function updatesOf(lines: readonly ChecklistLine[], draft: Draft): LineUpdate[] {
  return lines.map((l) => ({ code: l.code, status: statusOf(draft[l.code] ?? { tick: "pending", reason: "" }) }));
}

/** The draft differs from what is saved. */
export function isDirty(lines: readonly ChecklistLine[], draft: Draft): boolean {
  const saved = draftOf(lines);
  return lines.some((l) => {
    const a = saved[l.code];
    const b = draft[l.code];
    return !a || !b || a.tick !== b.tick || (b.tick === "defective" && a.reason !== b.reason);
  });
}
