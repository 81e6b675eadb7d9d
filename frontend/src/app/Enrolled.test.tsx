// The whole app on a PC enrolled with the county, over a fake backend: the login comes first,
// then the header names the user and shows the sync badge; the conflicts page is in the menu,
// opens from the badge, and leads to the refused case and back; a refused 下班 leads to the
// AB岗交接 page, which only an enrolled PC has.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Conflict, LoginRequest, SessionState, SyncStatus } from "../lib/ipc";
import { apiError, fakeBackend } from "../test/backend";
import { CALENDAR, DETAIL, LOADED_STATUS, PROFILE, caseDetail, workstation } from "../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { App } from "./App";

const CONFLICT: Conflict = {
  local_seq: 4,
  action: "accept",
  case_id: "case-1",
  case_no: "431125-SCJG-W03-2026-000001",
  code: "case_changed",
  reason: "该办件已在县级中心被修改。",
  done_at: "2026-03-02T01:05:00Z",
  refused_at: "2026-03-02T01:11:00Z",
};

const STATUS: SyncStatus = {
  enrolled: true,
  hub_address: "https://hub.jiangyong.gov.cn:8443",
  workstation_id: "ws-431125-007",
  online: true,
  pending: 2,
  conflicts: 1,
  last_sync_at: "2026-03-02T01:11:00Z",
  last_error: null,
  needs_update: false,
};

let session: SessionState;

beforeEach(() => {
  session = { enrolled: true, user: null };
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      settings_get: () => ({ lang: "zh-CN", data_dir: "/var/lib/yichuang" }),
      session_current: () => session,
      session_login: (req: LoginRequest) => {
        session = {
          enrolled: true,
          user: { user_id: "u-9", username: req.username, name: "赵六", role: "clerk", department_code: "SCJG" },
        };
        return session;
      },
      session_logout: () => {
        session = { enrolled: true, user: null };
        return session;
      },
      catalog_status: () => LOADED_STATUS,
      calendar_info: () => CALENDAR,
      workstation_get: () => workstation(PROFILE),
      case_queue: () => [],
      alerts_list: () => [],
      sync_status: () => STATUS,
      sync_conflicts: () => [CONFLICT],
      case_get: () => caseDetail(),
      catalog_item: () => DETAIL,
      session_end_shift: () => apiError("handover_required", "您还有 1 件未办结的办件，下班前须交接给B岗（AB岗），窗口不能无人负责。"),
      handover_overview: () => ({ active: null, colleagues: [], open_cases: [], history: [] }),
    }),
  );
});

describe("App on a PC enrolled with the county", () => {
  it("asks for a login first, then shows the user, the sync badge and the conflicts page", async () => {
    render(<App />);
    await screen.findByTestId("login-screen");
    expect(screen.queryByTestId("nav-queue")).not.toBeInTheDocument();

    fireEvent.change(screen.getByTestId("login-username"), { target: { value: "zhaoliu" } });
    fireEvent.change(screen.getByTestId("login-password"), { target: { value: "secret" } });
    fireEvent.click(screen.getByTestId("login-submit"));

    expect(await screen.findByTestId("queue-page")).toBeInTheDocument();
    expect(screen.getByTestId("header-user")).toHaveTextContent("赵六 · 窗口人员");
    expect(screen.getByTestId("header-window")).toHaveTextContent("3号窗口");
    expect(screen.getByTestId("header-window")).not.toHaveTextContent("李敏");
    expect(await screen.findByTestId("sync-pending")).toHaveTextContent("待同步 2");
    expect(screen.getByTestId("nav-conflicts")).toHaveTextContent("同步冲突");

    fireEvent.click(screen.getByTestId("sync-conflicts"));
    const row = await screen.findByTestId("conflict-row-4");
    expect(row).toHaveTextContent("该办件已在县级中心被修改。");
    fireEvent.click(within(row).getByTestId("conflict-case-4"));
    expect(await screen.findByTestId("case-page")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("case-back"));
    expect(await screen.findByTestId("conflicts-page")).toBeInTheDocument();

    fireEvent.click(screen.getByTestId("logout"));
    expect(await screen.findByTestId("login-screen")).toBeInTheDocument();
  });

  it("leads a refused 下班 to the AB岗交接 page", async () => {
    session = {
      enrolled: true,
      user: { user_id: "u-9", username: "zhaoliu", name: "赵六", role: "clerk", department_code: "SCJG" },
    };
    render(<App />);
    await screen.findByTestId("queue-page");
    expect(screen.getByTestId("nav-handover")).toHaveTextContent("AB岗交接");
    expect(screen.getByTestId("nav-cash")).toHaveTextContent("收费日报");
    fireEvent.click(screen.getByTestId("end-shift"));
    expect(await screen.findByTestId("end-shift-refusal")).toHaveTextContent("下班前须交接给B岗");
    fireEvent.click(screen.getByTestId("end-shift-go-handover"));
    expect(await screen.findByTestId("handover-page")).toBeInTheDocument();
    expect(await screen.findByTestId("handover-form")).toBeInTheDocument();
  });

  it("hides the conflicts page and the sync badge on a PC that was never enrolled", async () => {
    session = { enrolled: false, user: null };
    render(<App />);
    expect(await screen.findByTestId("queue-page")).toBeInTheDocument();
    expect(screen.queryByTestId("nav-conflicts")).not.toBeInTheDocument();
    expect(screen.queryByTestId("nav-handover")).not.toBeInTheDocument();
    expect(screen.getByTestId("nav-cash")).toBeInTheDocument();
    expect(screen.queryByTestId("sync-status")).not.toBeInTheDocument();
    expect(screen.getByTestId("header-window")).toHaveTextContent("3号窗口 · 李敏");
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("case_queue", expect.anything()));
    expect(invoke).not.toHaveBeenCalledWith("sync_status", expect.anything());
  });
});
