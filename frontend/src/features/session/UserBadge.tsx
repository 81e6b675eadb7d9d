// The header's "who is at the window": name and role of the logged-in user, and 退出登录.
import { App, Button } from "antd";
import { useState } from "react";
import { toIpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { useSession } from "./context";
import { roleLabel } from "./roles";

export function UserBadge() {
  const t = useT();
  const { message } = App.useApp();
  const { user, logout } = useSession();
  const [busy, setBusy] = useState(false);
  if (!user) return null;

  const leave = async () => {
    setBusy(true);
    try {
      await logout();
    } catch (e) {
      void message.error(toIpcError("session_logout", e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span data-testid="header-user" style={{ whiteSpace: "nowrap" }}>
      <span data-testid="header-user-name">
        {t("session.userBadge", { name: user.name, role: roleLabel(t, user.role) })}
      </span>
      <Button
        type="link"
        size="small"
        loading={busy}
        onClick={() => void leave()}
        data-testid="logout"
        style={{ color: "rgba(255,255,255,0.85)" }}
      >
        {t("session.logout")}
      </Button>
    </span>
  );
}
