// The user's role as the header shows it (首席代表, 窗口人员, …); a role this version does not
// know yet is shown as its code.
import type { MessageKey, Translate } from "../../lib/i18n";
import type { SessionUser } from "../../lib/ipc";

export type Role = SessionUser["role"];

const ROLE_LABELS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ["clerk", "role.clerk"],
  ["chief_rep", "role.chief_rep"],
  ["supervisor", "role.supervisor"],
  ["admin", "role.admin"],
]);

export function roleLabel(t: Translate, role: Role): string {
  const key = ROLE_LABELS.get(role);
  return key ? t(key) : String(role);
}

/**
 * Whether the one at the window is the department's chief representative (首席代表), who alone
 * approves or returns a case. A PC never enrolled has no session user: its actor is the
 * profile's clerk, never a chief representative.
 */
export function isChiefRep(user: SessionUser | null): boolean {
  return user?.role === "chief_rep";
}
