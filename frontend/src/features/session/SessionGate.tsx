// Shows the login screen instead of the app while an enrolled PC has nobody logged in.
// A PC that was never enrolled goes straight to the app, as before; so does one whose session
// could not be read (the backend still refuses actions that need a login).
import { Spin } from "antd";
import type { ReactNode } from "react";
import { useSession } from "./context";
import { LoginScreen } from "./LoginScreen";

export function SessionGate({ children }: { children: ReactNode }) {
  const { state, error, enrolled, user } = useSession();
  if (state === undefined && error === null) {
    return <Spin style={{ display: "block", marginTop: 120 }} data-testid="session-loading" />;
  }
  if (enrolled && user === null) return <LoginScreen />;
  return <>{children}</>;
}
