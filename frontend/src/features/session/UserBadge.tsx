// The header's "who is at the window": name and role of the logged-in user, 下班 and 退出登录.
// 下班 ends the shift only when the clerk answers for no open case: otherwise the backend
// refuses (AB岗: a window never has no responsible clerk) and the refusal leads to the
// handover page.
import { Alert, App, Button, Modal } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { useSession } from "./context";
import { roleLabel } from "./roles";

const LINK_STYLE = { color: "rgba(255,255,255,0.85)" } as const;

type Props = {
  /** Opens the AB岗交接 page (from the end-of-shift refusal). */
  onGoHandover?: () => void;
};

export function UserBadge({ onGoHandover }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const { user, logout, refresh } = useSession();
  const [busy, setBusy] = useState<"logout" | "end_shift" | null>(null);
  /** Why the shift could not end (open cases to hand over first). */
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!user) return null;

  const leave = async () => {
    setBusy("logout");
    try {
      await logout();
    } catch (e) {
      void message.error(toIpcError("session_logout", e).message);
    } finally {
      setBusy(null);
    }
  };

  const endShift = async () => {
    setBusy("end_shift");
    try {
      await api.sessionEndShift();
      await refresh();
    } catch (e) {
      const err = toIpcError("session_end_shift", e);
      if (err.code === "handover_required") setRefusal(err.message);
      else void message.error(err.message);
    } finally {
      setBusy(null);
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
        loading={busy === "end_shift"}
        onClick={() => void endShift()}
        data-testid="end-shift"
        style={LINK_STYLE}
      >
        {t("session.endShift")}
      </Button>
      <Button
        type="link"
        size="small"
        loading={busy === "logout"}
        onClick={() => void leave()}
        data-testid="logout"
        style={LINK_STYLE}
      >
        {t("session.logout")}
      </Button>
      {refusal !== null && (
        <Modal
          open
          title={t("session.endShiftRefused")}
          onCancel={() => setRefusal(null)}
          footer={[
            <Button key="close" data-testid="end-shift-close" onClick={() => setRefusal(null)}>
              {t("modal.cancel")}
            </Button>,
            onGoHandover && (
              <Button
                key="handover"
                type="primary"
                data-testid="end-shift-go-handover"
                onClick={() => {
                  setRefusal(null);
                  onGoHandover();
                }}
              >
                {t("session.goHandover")}
              </Button>
            ),
          ]}
        >
          <Alert
            type="warning"
            showIcon
            data-testid="end-shift-refusal"
            message={refusal}
            description={t("session.endShiftHint")}
          />
        </Modal>
      )}
    </span>
  );
}
