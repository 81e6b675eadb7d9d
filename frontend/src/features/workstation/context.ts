// This workstation's profile (department, window, clerk), shared by every page that needs it.
import { createContext, useContext } from "react";
import type { IpcError, WorkstationInfo, WorkstationProfile } from "../../lib/ipc";

export type WorkstationState = {
  /** `undefined` while the first read is in flight. */
  info: WorkstationInfo | undefined;
  error: IpcError | null;
  /** Re-reads the profile (after saving it in settings). */
  refresh: () => Promise<void>;
  /** Stores a read or saved profile without another round trip. */
  replace: (info: WorkstationInfo) => void;
};

export const WorkstationContext = createContext<WorkstationState>({
  info: undefined,
  error: null,
  refresh: async () => {},
  replace: () => {},
});

export function useWorkstation(): WorkstationState {
  return useContext(WorkstationContext);
}

/** The saved profile, or `null` when the window is not set up (or not loaded yet). */
export function useProfile(): WorkstationProfile | null {
  return useContext(WorkstationContext).info?.profile ?? null;
}
