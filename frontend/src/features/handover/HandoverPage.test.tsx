// AB岗交接 over a fake backend: A hands the window to B with B's username and password, the
// reason and the expected return, over the sheet of open cases; the session is read again
// (B is logged in now). With a handover under way the page shows it, and A takes it back
// with A's password; sheets are printed.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type {
  HandoverInfo,
  HandoverOverview,
  HandoverSheetRequest,
  ReturnHandoverRequest,
  SheetLine,
  StartHandoverRequest,
} from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { CLERK, WithSession, loggedIn } from "../../test/session";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { HandoverPage } from "./HandoverPage";

const LINE: SheetLine = {
  case_id: "c7",
  case_no: "431125-SCJG-W03-2026-000007",
  item_name: "食品经营许可（新办）",
  applicant_name: "张三",
  state: "awaiting_approval",
  due_date: "2026-03-10",
  pending: "待首席代表审批：办结决定：准予",
};

const ACTIVE: HandoverInfo = {
  id: "h-1",
  from_id: "u-3",
  from_name: "李娜",
  to_id: "u-7",
  to_name: "王芳",
  reason: "会议：县局例会",
  expected_return: "2026-03-02 16:30",
  started_at: "2026-03-02 14:00",
  ended_at: null,
  handed: [LINE],
  returned: null,
};

const IDLE: HandoverOverview = {
  active: null,
  colleagues: [{ user_id: "u-7", username: "wangfang", name: "王芳" }],
  open_cases: [LINE],
  history: [],
};

let overview: HandoverOverview;
let starts: StartHandoverRequest[];
let returns: ReturnHandoverRequest[];
let sheets: HandoverSheetRequest[];
let startAnswer: (() => unknown) | null;

beforeEach(() => {
  overview = IDLE;
  starts = [];
  returns = [];
  sheets = [];
  startAnswer = null;
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      handover_overview: () => overview,
      handover_start: (req: StartHandoverRequest) => {
        starts.push(req);
        if (startAnswer) return startAnswer();
        overview = { ...IDLE, active: ACTIVE, open_cases: [] };
        return ACTIVE;
      },
      handover_return: (req: ReturnHandoverRequest) => {
        returns.push(req);
        const back = { ...ACTIVE, ended_at: "2026-03-02 16:40", returned: [LINE] };
        overview = { ...IDLE, history: [back] };
        return back;
      },
      handover_sheet: (req: HandoverSheetRequest) => {
        sheets.push(req);
        return { path: "/data/sheets/h-1.pdf" };
      },
    }),
  );
});

function renderPage(session = loggedIn(CLERK)) {
  render(
    <WithSession value={session}>
      <AntApp>
        <HandoverPage onOpenCase={() => {}} />
      </AntApp>
    </WithSession>,
  );
  return session;
}

async function fillHandover() {
  const form = await screen.findByTestId("handover-form");
  const select = within(form).getByTestId("handover-to");
  fireEvent.mouseDown(select.querySelector(".ant-select-selector") ?? select);
  fireEvent.click(await screen.findByText("王芳（wangfang）", { selector: ".ant-select-item-option-content" }));
  fireEvent.change(within(form).getByTestId("handover-password"), { target: { value: "pw-of-b" } });
  fireEvent.click(within(form).getByLabelText("会议"));
  fireEvent.change(within(form).getByTestId("handover-reason-text"), { target: { value: " 县局例会 " } });
  fireEvent.change(within(form).getByTestId("handover-expected-return"), { target: { value: "2026-03-02T16:30" } });
  return form;
}

describe("handover page", () => {
  it("previews the open cases and hands them over with B's username, password and the reason", async () => {
    const session = renderPage();
    const form = await screen.findByTestId("handover-form");
    expect(within(form).getByTestId(`sheet-line-${LINE.case_no}`)).toHaveTextContent("待首席代表审批：办结决定：准予");
    expect(form).toHaveTextContent("交接单（1 件）");
    await fillHandover();
    fireEvent.click(screen.getByTestId("handover-submit"));

    await waitFor(() => expect(starts).toHaveLength(1));
    expect(starts[0]).toEqual({
      to_username: "wangfang",
      to_password: "pw-of-b",
      reason: "会议：县局例会",
      expected_return: "2026-03-02 16:30",
    });
    // The window is B's now: the header reads the session again.
    await waitFor(() => expect(session.refresh).toHaveBeenCalled());
    expect(await screen.findByTestId("handover-active")).toBeInTheDocument();
  });

  it("shows a refusal of B's password and keeps the form", async () => {
    startAnswer = () => apiError("login_failed", "用户名或密码错误");
    renderPage();
    await fillHandover();
    fireEvent.click(screen.getByTestId("handover-submit"));
    expect(await screen.findByTestId("handover-error")).toHaveTextContent("用户名或密码错误");
    expect((screen.getByTestId("handover-password") as HTMLInputElement).value).toBe("");
  });

  it("needs words for the reason 其他", async () => {
    renderPage();
    const form = await fillHandover();
    fireEvent.click(within(form).getByLabelText("其他"));
    fireEvent.change(within(form).getByTestId("handover-reason-text"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("handover-submit"));
    expect(await within(form).findByText("必填")).toBeInTheDocument();
    expect(starts).toHaveLength(0);
  });

  it("shows the handover under way with the return button, and A takes it back with A's password", async () => {
    overview = { ...IDLE, active: ACTIVE, open_cases: [] };
    const session = renderPage(loggedIn({ ...CLERK, user_id: "u-7", username: "wangfang", name: "王芳" }));
    const active = await screen.findByTestId("handover-active");
    expect(within(active).getByTestId("handover-active-parties")).toHaveTextContent("李娜 → 王芳");
    expect(within(active).getByTestId("handover-active-reason")).toHaveTextContent("会议：县局例会");
    expect(active).toHaveTextContent("2026-03-02 16:30");
    expect(active).toHaveTextContent("2026-03-02 14:00");
    expect(within(active).getByTestId(`sheet-line-${LINE.case_no}`)).toBeInTheDocument();
    expect(screen.queryByTestId("handover-form")).not.toBeInTheDocument();

    fireEvent.click(within(active).getByTestId("handover-print"));
    expect(await screen.findByTestId("handover-printed")).toHaveTextContent("/data/sheets/h-1.pdf");
    expect(sheets[0]).toEqual({ handover_id: "h-1", back: false, print: true });

    fireEvent.click(within(active).getByTestId("handover-return"));
    const modal = await screen.findByTestId("handover-return-modal");
    fireEvent.change(within(modal).getByTestId("handover-owner-password"), { target: { value: "pw-of-a" } });
    fireEvent.click(screen.getByTestId("handover-return-ok"));
    await waitFor(() => expect(returns).toEqual([{ owner_password: "pw-of-a" }]));
    await waitFor(() => expect(session.refresh).toHaveBeenCalled());
    // Back to the form, the returned handover in the history with both sheets to print.
    expect(await screen.findByTestId("handover-form")).toBeInTheDocument();
    fireEvent.click(await screen.findByTestId("handover-print-back-h-1"));
    await waitFor(() => expect(sheets.at(-1)).toEqual({ handover_id: "h-1", back: true, print: true }));
  });
});
