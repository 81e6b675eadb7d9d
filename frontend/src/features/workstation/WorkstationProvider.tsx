// Loads `api.workstationGet()` once for the whole window and provides it.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, toIpcError, type IpcError, type WorkstationInfo } from "../../lib/ipc";
import { WorkstationContext, type WorkstationState } from "./context";

export function WorkstationProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<WorkstationInfo | undefined>(undefined);
  const [error, setError] = useState<IpcError | null>(null);

  const refresh = useCallback(async () => {
    try {
      setInfo(await api.workstationGet());
      setError(null);
    } catch (e) {
      setError(toIpcError("workstation_get", e));
    }
  }, []);

  useEffect(() => {
    let live = true;
    api.workstationGet().then(
      (next) => {
        if (live) setInfo(next);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("workstation_get", e));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const replace = useCallback((next: WorkstationInfo) => {
    setInfo(next);
    setError(null);
  }, []);

  const value = useMemo<WorkstationState>(
    () => ({ info, error, refresh, replace }),
    [info, error, refresh, replace],
  );
  return <WorkstationContext.Provider value={value}>{children}</WorkstationContext.Provider>;
}
