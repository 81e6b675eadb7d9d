// Loads `api.catalogStatus()` for the shell; `refresh` re-reads it after an import.
import { useCallback, useEffect, useState } from "react";
import { api, toIpcError, type CatalogStatus, type IpcError } from "../lib/ipc";

export type CatalogStatusState = {
  /** `undefined` while the first read is in flight. */
  status: CatalogStatus | undefined;
  error: IpcError | null;
  refresh: () => Promise<void>;
};

export function useCatalogStatus(): CatalogStatusState {
  const [status, setStatus] = useState<CatalogStatus | undefined>(undefined);
  const [error, setError] = useState<IpcError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await api.catalogStatus();
      setStatus(next);
      setError(null);
    } catch (e) {
      setError(toIpcError("catalog_status", e));
    }
  }, []);

  useEffect(() => {
    let live = true;
    api.catalogStatus().then(
      (next) => {
        if (live) setStatus(next);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("catalog_status", e));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  return { status, error, refresh };
}
