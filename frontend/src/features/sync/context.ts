// Sync with the county as the window shows it: the last read status (online, pending,
// conflicts, last sync), and "sync now". Only an enrolled PC reads it.
import { createContext, useContext } from "react";
import type { IpcError, SyncStatus } from "../../lib/ipc";

export type SyncValue = {
  /** `undefined` until the first read (and always on a PC that is not enrolled). */
  status: SyncStatus | undefined;
  /** The last failed read of the status, if any. */
  error: IpcError | null;
  /** A "sync now" is running. */
  syncing: boolean;
  /** Re-reads the status. */
  refresh: () => Promise<void>;
  /** Syncs at once; rejects with the backend's `IpcError` (e.g. `hub_offline`). */
  syncNow: () => Promise<SyncStatus>;
};

export const SyncContext = createContext<SyncValue>({
  status: undefined,
  error: null,
  syncing: false,
  refresh: async () => {},
  syncNow: () => Promise.reject(new Error("no SyncProvider")),
});

export function useSync(): SyncValue {
  return useContext(SyncContext);
}
