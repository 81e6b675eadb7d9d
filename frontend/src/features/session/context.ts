// Who is at the window. On a PC enrolled with the county every action needs a logged-in user;
// a PC that was never enrolled (training, trial) works without one, as the clerk of 本窗口.
import { createContext, useContext } from "react";
import type { IpcError, LoginRequest, SessionState, SessionUser } from "../../lib/ipc";

export type SessionValue = {
  /** `undefined` while the first read is in flight. */
  state: SessionState | undefined;
  /** Enrolled with the county (a login is required to act). */
  enrolled: boolean;
  /** The logged-in user; `null` when nobody is (or on a PC that needs no login). */
  user: SessionUser | null;
  /** The last failed read of the session, if any. */
  error: IpcError | null;
  /** Re-reads the session (after enrolling, or when a command answers `login_required`). */
  refresh: () => Promise<void>;
  /** Logs in; rejects with the backend's `IpcError` (e.g. `login_failed`, `login_locked`). */
  login: (req: LoginRequest) => Promise<void>;
  /** Logs out; the login screen comes back. */
  logout: () => Promise<void>;
};

/** Outside a provider (page tests), the PC counts as never enrolled: no login, as before. */
export const SessionContext = createContext<SessionValue>({
  state: { enrolled: false, user: null },
  enrolled: false,
  user: null,
  error: null,
  refresh: async () => {},
  login: async () => {},
  logout: async () => {},
});

export function useSession(): SessionValue {
  return useContext(SessionContext);
}
