// Conflicts as the window shows them: the refused action in words (its code when unknown),
// newest refusal first.
import type { MessageKey, Translate } from "../../lib/i18n";
import type { Conflict } from "../../lib/ipc";

const ACTIONS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ["intake", "conflicts.action.intake"],
  ["accept", "conflicts.action.accept"],
  ["reject", "conflicts.action.reject"],
  ["issue_correction_notice", "conflicts.action.issue_correction_notice"],
]);

export function conflictAction(t: Translate, action: string): string {
  const key = ACTIONS.get(action);
  return key ? t(key) : action;
}

function instant(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Newest refusal first; the later local action first when refused at the same time. */
export function newestFirst(rows: readonly Conflict[]): Conflict[] {
  return [...rows].sort(
    (a, b) => instant(b.refused_at) - instant(a.refused_at) || b.local_seq - a.local_seq,
  );
}
