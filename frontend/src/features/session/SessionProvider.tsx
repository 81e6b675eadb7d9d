// Loads `api.sessionCurrent()` once for the whole window and provides it. Any command that
// fails with `login_required` (the session is gone) makes it read the session again, which
// brings back the login screen.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  api,
  onIpcError,
  toIpcError,
  type IpcError,
  type LoginRequest,
  type SessionState,
} from "../../lib/ipc";
import { SessionContext, type SessionValue } from "./context";

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState | undefined>(undefined);
  const [error, setError] = useState<IpcError | null>(null);

  const refresh = useCallback(async () => {
    try {
      setState(await api.sessionCurrent());
      setError(null);
    } catch (e) {
      setError(toIpcError("session_current", e));
    }
  }, []);

  useEffect(() => {
    let live = true;
    api.sessionCurrent().then(
      (next) => {
        if (live) setState(next);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("session_current", e));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onIpcError((err) => {
        if (err.code === "login_required") void refresh();
      }),
    [refresh],
  );

  const login = useCallback(async (req: LoginRequest) => {
    const next = await api.sessionLogin(req);
    setState(next);
    setError(null);
  }, []);

  const logout = useCallback(async () => {
    const next = await api.sessionLogout();
    setState(next);
    setError(null);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      enrolled: state?.enrolled ?? false,
      user: state?.user ?? null,
      error,
      refresh,
      login,
      logout,
    }),
    [state, error, refresh, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
