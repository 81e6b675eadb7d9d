// Reads `api.syncStatus()` when enabled (the PC is enrolled) and every 10 s after, for the
// header's badge, the conflicts page and settings. "Sync now" re-reads the status even when it
// fails, so the badge shows the hub as offline at once.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, onIpcSuccess, toIpcError, type IpcError, type SyncStatus } from "../../lib/ipc";
import { SyncContext, type SyncValue } from "./context";

export const SYNC_POLL_MS = 10_000;

/** Commands that queue something for the county: the pending count changes at once. */
const QUEUES_FOR_COUNTY = new Set(["case_intake", "case_act", "supervision_appeal", "supervision_rule"]);

type Props = { enabled: boolean; children: ReactNode; pollMs?: number };

export function SyncProvider({ enabled, children, pollMs = SYNC_POLL_MS }: Props) {
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  const [error, setError] = useState<IpcError | null>(null);
  const [syncing, setSyncing] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setStatus(await api.syncStatus());
      setError(null);
    } catch (e) {
      setError(toIpcError("sync_status", e));
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const read = () => {
      api.syncStatus().then(
        (next) => {
          if (live) {
            setStatus(next);
            setError(null);
          }
        },
        (e: unknown) => {
          if (live) setError(toIpcError("sync_status", e));
        },
      );
    };
    read();
    const timer = window.setInterval(read, pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [enabled, pollMs]);

  useEffect(() => {
    if (!enabled) return;
    return onIpcSuccess((command) => {
      if (QUEUES_FOR_COUNTY.has(command)) void refresh();
    });
  }, [enabled, refresh]);

  const syncNow = useCallback(async () => {
    setSyncing(true);
    try {
      const next = await api.syncNow();
      setStatus(next);
      setError(null);
      return next;
    } catch (e) {
      await refresh();
      throw toIpcError("sync_now", e);
    } finally {
      setSyncing(false);
    }
  }, [refresh]);

  const value = useMemo<SyncValue>(
    () => ({ status: enabled ? status : undefined, error, syncing, refresh, syncNow }),
    [enabled, status, error, syncing, refresh, syncNow],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}
