// The user's role as the header shows it (首席代表, 窗口人员, …).
import type { MessageKey } from "../../lib/i18n";
import type { SessionUser } from "../../lib/ipc";

export type Role = SessionUser["role"];

const ROLE_LABELS: Record<Role, MessageKey> = {
  clerk: "role.clerk",
  chief_rep: "role.chief_rep",
  supervisor: "role.supervisor",
  admin: "role.admin",
};

export function roleKey(role: Role): MessageKey {
  return ROLE_LABELS[role];
}
