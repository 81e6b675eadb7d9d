// The 审批 page over a fake backend: the department's requests awaiting approval (with what
// each asks for, including notice overrides under review), each opening its case; the chief
// representative approves (seal pre-filled) or returns (opinion required) from the row through
// case_act, and the decided case leaves the list; anyone else only reads it.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseActionRequest, PendingApproval, SessionUser } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { PROFILE, caseDetail, workstation } from "../../test/fixtures";
import { SessionContext, type SessionValue } from "../session/context";
import { WorkstationProvider } from "../workstation/WorkstationProvider";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { ApprovalsPage } from "./ApprovalsPage";

/** An extension asked for while the case is processed (the case awaits approval). */
const AWAITING: PendingApproval = {
  case_id: "c7",
  case_no: "431125-SCJG-W03-2026-000007",
  item_name: "食品经营许可（新办）",
  applicant_name: "张三",
  applicant_id_masked: "1101**********002X",
  state: "awaiting_approval",
  due_date: "2026-02-26",
  request: {
    subject: { type: "extension", days: 5, reason: "需现场核查" },
    note: "申请人同意",
    by_id: "u-3",
    by: "李敏",
    at: "2026-02-20T10:00:00",
  },
};

/** A notice override asked for under review (the case stays under review). */
const REVIEWING: PendingApproval = {
  ...AWAITING,
  case_id: "c9",
  case_no: "431125-SCJG-W03-2026-000009",
  state: "reviewing",
  applicant_name: "李四",
  request: {
    subject: { type: "notice_override", reason: "现场发现委托办理", materials: [] },
    note: null,
    by_id: "u-3",
    by: "李敏",
    at: "2026-02-21T09:30:00",
  },
};

const CHIEF: SessionUser = {
  user_id: "u-7",
  username: "wangfang",
  name: "王芳",
  role: "chief_rep",
  department_code: "SCJG",
};
const CLERK: SessionUser = { ...CHIEF, user_id: "u-3", username: "limin", name: "李敏", role: "clerk" };

let rows: PendingApproval[];
let reads: number;
let acts: CaseActionRequest[];
let actAnswers: (() => Promise<unknown>)[];

beforeEach(() => {
  rows = [AWAITING];
  reads = 0;
  acts = [];
  actAnswers = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      workstation_get: () => workstation(PROFILE),
      approvals_pending: () => {
        reads += 1;
        return rows;
      },
      case_act: (req: CaseActionRequest) => {
        acts.push(req);
        const next = actAnswers.shift();
        if (next) return next();
        rows = rows.filter((r) => r.case_id !== req.case_id);
        return caseDetail();
      },
    }),
  );
});

function loggedIn(user: SessionUser): SessionValue {
  return {
    state: { enrolled: true, user },
    enrolled: true,
    user,
    error: null,
    refresh: async () => {},
    login: async () => {},
    logout: async () => {},
  };
}

/** Without `user`, the PC was never enrolled: the actor is the profile's clerk. */
function renderPage(user?: SessionUser, onOpenCase: (id: string) => void = () => {}) {
  const page = (
    <AntApp>
      <WorkstationProvider>
        <ApprovalsPage onOpenCase={onOpenCase} onGoSettings={() => {}} />
      </WorkstationProvider>
    </AntApp>
  );
  return render(user ? <SessionContext.Provider value={loggedIn(user)}>{page}</SessionContext.Provider> : page);
}

describe("approvals page", () => {
  it("lists the cases awaiting approval and opens one from its number", async () => {
    const opened = vi.fn();
    renderPage(CHIEF, opened);
    const row = await screen.findByTestId(`approval-row-${AWAITING.case_no}`);
    expect(reads).toBe(1);
    expect(row).toHaveTextContent("食品经营许可（新办）");
    expect(row).toHaveTextContent("张三");
    expect(row).toHaveTextContent("1101**********002X");
    expect(screen.getByTestId(`approval-due-${AWAITING.case_no}`)).toHaveTextContent("2026-02-26");
    expect(screen.queryByTestId("approvals-chief-only")).not.toBeInTheDocument();

    fireEvent.click(within(row).getByTestId(`approval-case-${AWAITING.case_no}`));
    expect(opened).toHaveBeenCalledWith("c7");
  });

  it("shows what each request asks for, including a notice override asked for under review", async () => {
    rows = [AWAITING, REVIEWING];
    renderPage(CHIEF);
    const subject = await screen.findByTestId(`approval-subject-${AWAITING.case_no}`);
    expect(subject).toHaveTextContent("延长办理期限 5 个工作日（需现场核查）");
    expect(subject).toHaveTextContent("李敏 于 2026-02-20 10:00 提请");
    expect(subject).toHaveTextContent("申请人同意");
    expect(screen.getByTestId(`approval-subject-${REVIEWING.case_no}`)).toHaveTextContent(
      "再次告知增加材料（现场发现委托办理）",
    );
    expect(screen.getByTestId(`approval-row-${REVIEWING.case_no}`)).toHaveTextContent("审查中");

    fireEvent.click(screen.getByTestId(`approval-approve-${REVIEWING.case_no}`));
    const modal = await screen.findByTestId("action-modal");
    expect(within(modal).getByTestId("approval-subject")).toHaveTextContent("再次告知增加材料（现场发现委托办理）");
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.case_id).toBe("c9");
  });

  it("approves with the 审批专用章 seal through case_act, and the case leaves the list", async () => {
    renderPage(CHIEF);
    fireEvent.click(await screen.findByTestId(`approval-approve-${AWAITING.case_no}`));
    const modal = await screen.findByTestId("action-modal");
    expect(screen.getByText(`审批同意：${AWAITING.case_no}`)).toBeInTheDocument();
    expect((within(modal).getByTestId("modal-field-seal") as HTMLInputElement).value).toBe("审批专用章");
    fireEvent.click(screen.getByTestId("modal-ok"));

    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.case_id).toBe("c7");
    expect(acts[0]?.command).toEqual({ type: "approve", seal: "审批专用章", opinion: null });
    expect(acts[0]?.action_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText("已审批同意")).toBeInTheDocument();
    expect(await screen.findByTestId("approvals-empty")).toHaveTextContent("没有待审批的办件");
    expect(screen.queryByTestId("action-modal")).not.toBeInTheDocument();
  });

  it("returns a case only with an opinion, and keeps the modal open with the refusal", async () => {
    actAnswers.push(() => apiError("chief_rep_only", "只有本部门首席代表可以审批或退回办件"));
    renderPage(CHIEF);
    fireEvent.click(await screen.findByTestId(`approval-return-${AWAITING.case_no}`));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText("必填")).toBeInTheDocument();
    expect(acts).toHaveLength(0);

    fireEvent.change(within(modal).getByTestId("modal-field-opinion"), { target: { value: "请补充现场核查记录" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByTestId("modal-error")).toHaveTextContent("只有首席代表可以审批");

    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(2));
    expect(acts[1]?.command).toEqual({ type: "return_with_opinion", opinion: "请补充现场核查记录" });
    // The same submission retried keeps its key.
    expect(acts[1]?.action_key).toBe(acts[0]?.action_key);
    expect(await screen.findByText("已退回")).toBeInTheDocument();
  });

  it("tells a clerk that only the chief representative can approve, and offers no decision", async () => {
    renderPage(CLERK);
    await screen.findByTestId(`approval-row-${AWAITING.case_no}`);
    expect(screen.getByTestId("approvals-chief-only")).toHaveTextContent("只有首席代表可以审批");
    expect(screen.queryByTestId(`approval-approve-${AWAITING.case_no}`)).not.toBeInTheDocument();
    expect(screen.queryByTestId(`approval-return-${AWAITING.case_no}`)).not.toBeInTheDocument();
  });

  it("offers no decision on a PC never enrolled, whose clerk is not a chief representative", async () => {
    renderPage();
    await screen.findByTestId(`approval-row-${AWAITING.case_no}`);
    expect(screen.getByTestId("approvals-chief-only")).toBeInTheDocument();
    expect(screen.queryByTestId(`approval-approve-${AWAITING.case_no}`)).not.toBeInTheDocument();
  });

  it("says when no case awaits approval", async () => {
    rows = [];
    renderPage(CHIEF);
    expect(await screen.findByTestId("approvals-empty")).toHaveTextContent("没有待审批的办件");
  });
});
