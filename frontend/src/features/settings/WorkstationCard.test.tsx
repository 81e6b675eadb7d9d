// 本窗口 over a fake backend: on a PC enrolled with the county the department, window code and
// center name are set by the county (disabled, with a hint) and there are no clerk fields; the
// saved profile keeps them. A PC never enrolled keeps every field editable, as before.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionState, WorkstationProfile } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";
import { DEPARTMENTS, PROFILE, workstation } from "../../test/fixtures";
import { SessionProvider } from "../session/SessionProvider";
import { WorkstationProvider } from "../workstation/WorkstationProvider";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { WorkstationCard } from "./WorkstationCard";

let session: SessionState;
let saved: WorkstationProfile[];

beforeEach(() => {
  session = { enrolled: true, user: null };
  saved = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      session_current: () => session,
      workstation_get: () => workstation(PROFILE),
      catalog_departments: () => DEPARTMENTS,
      workstation_set: (req: WorkstationProfile) => {
        saved.push(req);
        return workstation(req);
      },
    }),
  );
});

function renderCard() {
  return render(
    <AntApp>
      <SessionProvider>
        <WorkstationProvider>
          <WorkstationCard catalogVersion="2026.11" />
        </WorkstationProvider>
      </SessionProvider>
    </AntApp>,
  );
}

describe("workstation card", () => {
  it("disables the fields the county enrolled this PC for and hides the clerk fields", async () => {
    renderCard();
    await waitFor(() => expect(screen.getByTestId("ws-window-code")).toBeDisabled());
    expect(screen.getByTestId("ws-window-code")).toHaveValue("W03");
    expect(screen.getByTestId("ws-center-name")).toBeDisabled();
    expect(screen.getByTestId("ws-field-department_code").querySelector(".ant-select-disabled")).not.toBeNull();
    expect(screen.getAllByTestId("ws-set-by-county")).toHaveLength(3);
    expect(screen.getAllByTestId("ws-set-by-county")[0]).toHaveTextContent("由县级中心注册确定");
    expect(screen.queryByTestId("ws-clerk-id")).not.toBeInTheDocument();
    expect(screen.queryByTestId("ws-clerk-name")).not.toBeInTheDocument();
    // What the window still chooses stays editable.
    expect(screen.getByTestId("ws-window-name")).toBeEnabled();
    expect(screen.getByTestId("ws-configured")).toHaveTextContent("当前：3号窗口");

    fireEvent.change(screen.getByTestId("ws-window-name"), { target: { value: "3号综合窗口" } });
    fireEvent.click(screen.getByTestId("ws-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      department_code: "SCJG",
      window_code: "W03",
      window_name: "3号综合窗口",
      center_name: "江永县政务服务中心",
      clerk_id: "S0301",
      clerk_name: "李敏",
    });
  });

  it("keeps every field editable, clerk included, on a PC that was never enrolled", async () => {
    session = { enrolled: false, user: null };
    renderCard();
    expect(await screen.findByTestId("ws-clerk-name")).toBeEnabled();
    await waitFor(() => expect(screen.getByTestId("ws-window-code")).toHaveValue("W03"));
    expect(screen.getByTestId("ws-window-code")).toBeEnabled();
    expect(screen.getByTestId("ws-center-name")).toBeEnabled();
    expect(screen.getByTestId("ws-clerk-id")).toBeEnabled();
    expect(screen.queryByTestId("ws-set-by-county")).not.toBeInTheDocument();
    expect(screen.getByTestId("ws-configured")).toHaveTextContent("当前：3号窗口 · 李敏");
  });
});
