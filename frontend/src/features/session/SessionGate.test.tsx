// The session over a fake backend: an enrolled PC asks for a login before anything else, shows
// the server's message for a wrong password, then the user's name and role with 退出登录; a
// command answering `login_required` brings the login back; a PC never enrolled needs no login.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LoginRequest, SessionState, SessionUser } from "../../lib/ipc";
import { api } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { PROFILE, workstation } from "../../test/fixtures";
import { WorkstationProvider } from "../workstation/WorkstationProvider";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { SessionGate } from "./SessionGate";
import { SessionProvider } from "./SessionProvider";
import { UserBadge } from "./UserBadge";

const CHIEF: SessionUser = {
  user_id: "u-7",
  username: "wangfang",
  name: "王芳",
  role: "chief_rep",
  department_code: "SCJG",
};

let session: SessionState;
let logins: LoginRequest[];

beforeEach(() => {
  session = { enrolled: true, user: null };
  logins = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      workstation_get: () => workstation(PROFILE),
      session_current: () => session,
      session_login: (req: LoginRequest) => {
        logins.push(req);
        if (req.password !== "correct horse") {
          return apiError("login_failed", "用户名或密码不正确");
        }
        session = { enrolled: true, user: CHIEF };
        return session;
      },
      session_logout: () => {
        session = { enrolled: true, user: null };
        return session;
      },
      case_queue: () => apiError("login_required", "请先登录"),
    }),
  );
});

function renderApp() {
  return render(
    <AntApp>
      <SessionProvider>
        <WorkstationProvider>
          <SessionGate>
            <div data-testid="the-app">
              <UserBadge />
            </div>
          </SessionGate>
        </WorkstationProvider>
      </SessionProvider>
    </AntApp>,
  );
}

function logIn(username: string, password: string) {
  fireEvent.change(screen.getByTestId("login-username"), { target: { value: username } });
  fireEvent.change(screen.getByTestId("login-password"), { target: { value: password } });
  fireEvent.click(screen.getByTestId("login-submit"));
}

describe("session", () => {
  it("asks for a login when the PC is enrolled and nobody is logged in, and shows the server's message for a wrong password", async () => {
    renderApp();
    expect(await screen.findByTestId("login-screen")).toBeInTheDocument();
    expect(screen.queryByTestId("the-app")).not.toBeInTheDocument();
    expect(await screen.findByTestId("login-place")).toHaveTextContent("3号窗口 · 江永县政务服务中心");

    logIn(" wangfang ", "wrong");
    expect(await screen.findByTestId("login-error")).toHaveTextContent("用户名或密码不正确");
    expect(logins).toEqual([{ username: "wangfang", password: "wrong" }]);
    expect(screen.getByTestId("login-password")).toHaveValue("");
    expect(screen.queryByTestId("the-app")).not.toBeInTheDocument();
  });

  it("shows the locked message the server sends after too many wrong passwords", async () => {
    invoke.mockImplementation(
      fakeBackend({
        workstation_get: () => workstation(PROFILE),
        session_current: () => session,
        session_login: () => apiError("login_locked", "连续输错密码次数过多，请 1 分钟后再试。"),
      }),
    );
    renderApp();
    await screen.findByTestId("login-screen");
    logIn("wangfang", "again");
    expect(await screen.findByTestId("login-error")).toHaveTextContent(
      "连续输错密码次数过多，请 1 分钟后再试。",
    );
  });

  it("opens the app with the user's name and role once the password is right, and logs out again", async () => {
    renderApp();
    await screen.findByTestId("login-screen");
    logIn("wangfang", "correct horse");

    expect(await screen.findByTestId("the-app")).toBeInTheDocument();
    expect(screen.getByTestId("header-user-name")).toHaveTextContent("王芳 · 首席代表");

    fireEvent.click(screen.getByTestId("logout"));
    expect(await screen.findByTestId("login-screen")).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith("session_logout", { req: null });
  });

  it("brings back the login screen when a command answers login_required", async () => {
    session = { enrolled: true, user: CHIEF };
    renderApp();
    expect(await screen.findByTestId("the-app")).toBeInTheDocument();

    // The session ended behind the window's back (e.g. the backend restarted).
    session = { enrolled: true, user: null };
    const queue = api.caseQueue({
      state: null,
      item_code: null,
      card: null,
      search: "",
      include_closed: false,
    });
    await act(async () => {
      await expect(queue).rejects.toMatchObject({ code: "login_required" });
    });
    expect(await screen.findByTestId("login-screen")).toBeInTheDocument();
  });

  it("lets a PC that was never enrolled work without a login", async () => {
    session = { enrolled: false, user: null };
    renderApp();
    expect(await screen.findByTestId("the-app")).toBeInTheDocument();
    expect(screen.queryByTestId("login-screen")).not.toBeInTheDocument();
    expect(screen.queryByTestId("header-user")).not.toBeInTheDocument();
  });
});
