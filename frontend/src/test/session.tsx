// Test sessions: a chief representative and a clerk of 市场监管 logged in on an enrolled PC,
// provided the way SessionProvider would (refresh, login and logout are spies).
import type { ReactNode } from "react";
import { vi } from "vitest";
import type { SessionUser } from "../lib/ipc";
import { SessionContext, type SessionValue } from "../features/session/context";

export const CHIEF: SessionUser = {
  user_id: "u-7",
  username: "wangfang",
  name: "王芳",
  role: "chief_rep",
  department_code: "SCJG",
};

export const CLERK: SessionUser = { ...CHIEF, user_id: "u-3", username: "lina", name: "李娜", role: "clerk" };

export function loggedIn(user: SessionUser): SessionValue {
  return {
    state: { enrolled: true, user },
    enrolled: true,
    user,
    error: null,
    refresh: vi.fn(async () => {}),
    login: vi.fn(async () => {}),
    logout: vi.fn(async () => {}),
  };
}

export function WithSession({ value, children }: { value: SessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
