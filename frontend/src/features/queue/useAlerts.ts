// The window's open card alerts (黄牌/红牌), polled every minute: the backend raises cards as
// deadlines approach, and a clerk who never reloads must still see them.
import { useCallback, useEffect, useState } from "react";
import { api, toIpcError, type Alert, type IpcError } from "../../lib/ipc";

export const ALERT_POLL_MS = 60_000;

export function useAlerts() {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    const poll = () =>
      api.alertsList().then(
        (list) => {
          if (!live) return;
          setAlerts(list);
          setError(null);
        },
        (e: unknown) => {
          if (live) setError(toIpcError("alerts_list", e));
        },
      );
    void poll();
    const timer = setInterval(() => void poll(), ALERT_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const dismiss = useCallback(async (id: number) => {
    try {
      setAlerts(await api.alertsDismiss({ id }));
    } catch (e) {
      setError(toIpcError("alerts_dismiss", e));
    }
  }, []);

  return { alerts, error, dismiss };
}
