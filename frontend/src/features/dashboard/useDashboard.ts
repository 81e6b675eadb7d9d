// The month's figures (`api.dashboard`), computed like the monthly ledger. Nothing is read
// while `month` is `null` (not known yet, or not a month); `reloads` reads it again.
import { useEffect, useState } from "react";
import { api, toIpcError, type Dashboard, type IpcError } from "../../lib/ipc";

type Settled = { key: string; dashboard: Dashboard | null; error: IpcError | null };

export function useDashboard(month: string | null, reloads: number) {
  const key = month === null ? null : JSON.stringify([month, reloads]);
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    if (key === null || month === null) return;
    let live = true;
    api.dashboard({ month }).then(
      (dashboard) => {
        if (live) setSettled({ key, dashboard, error: null });
      },
      (e: unknown) => {
        if (live) setSettled({ key, dashboard: null, error: toIpcError("dashboard", e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, month]);

  const current = settled !== null && settled.key === key;
  return {
    // The last month read stays up while the next one loads.
    dashboard: settled?.dashboard ?? null,
    loading: key !== null && !current,
    error: current ? settled.error : null,
  };
}
