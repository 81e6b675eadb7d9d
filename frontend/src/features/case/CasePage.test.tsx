// The case page over a fake backend: only allowed actions are buttons, and a one-time notice
// refused by the one-time rule offers to ask the chief representative for an override (an
// approval request). After acceptance a flagged item goes
// to the chief representative, who alone approves or returns it; 办结 records the decision;
// 出件 records how the result of a completed case reached the applicant.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseActionRequest, CaseDetail, SessionUser } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { DETAIL, caseDetail } from "../../test/fixtures";
import { SessionContext, type SessionValue } from "../session/context";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { CasePage } from "./CasePage";

let detail: CaseDetail;
let acts: CaseActionRequest[];
let actAnswers: (() => Promise<unknown>)[];

beforeEach(() => {
  detail = caseDetail();
  acts = [];
  actAnswers = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      case_get: () => detail,
      catalog_item: () => DETAIL,
      case_act: (req: CaseActionRequest) => {
        acts.push(req);
        const next = actAnswers.shift();
        return next ? next() : detail;
      },
    }),
  );
});

const CHIEF: SessionUser = {
  user_id: "u-7",
  username: "wangfang",
  name: "王芳",
  role: "chief_rep",
  department_code: "SCJG",
};
const CLERK: SessionUser = { ...CHIEF, user_id: "u-3", username: "limin", name: "李敏", role: "clerk" };

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
function renderCase(user?: SessionUser) {
  const page = (
    <AntApp>
      <CasePage caseId="case-1" onBack={() => {}} />
    </AntApp>
  );
  return render(user ? <SessionContext.Provider value={loggedIn(user)}>{page}</SessionContext.Provider> : page);
}

/** The case after acceptance, processing, the item flagged for the chief representative. */
function processing(allowed: CaseDetail["allowed"]): CaseDetail {
  const d = caseDetail({ allowed, notice_deadline: null });
  d.case.state = "processing";
  return d;
}

/** A completed (granted) case, its 办结通知书 issued, its result not yet handed over. */
function completed(): CaseDetail {
  const d = caseDetail({
    allowed: [],
    notice_deadline: null,
    notices: [
      {
        number: "BJTZ-1",
        kind: "completion",
        issued_at: "2026-03-05T14:30:00",
        sha256: "x",
        voided: null,
        can_void: true,
      },
    ],
  });
  d.case.state = "completed";
  d.case.decision = { type: "granted" };
  return d;
}

function buttonTexts() {
  return within(screen.getByTestId("case-actions"))
    .queryAllByRole("button")
    .map((b) => b.textContent?.replace(/\s/g, ""));
}

describe("case page", () => {
  it("shows only the actions the backend allows", async () => {
    renderCase();
    const actions = await screen.findByTestId("case-actions");
    const buttons = within(actions).getAllByRole("button").map((b) => b.textContent?.replace(/\s/g, ""));
    expect(buttons).toEqual(["出具一次性告知书", "受理", "不予受理", "撤回"]);
    expect(screen.queryByTestId("act-complete-on-the-spot")).not.toBeInTheDocument();
    expect(screen.queryByTestId("act-correction-received")).not.toBeInTheDocument();
    expect(screen.queryByTestId("act-resume")).not.toBeInTheDocument();
    // Under review the checklist is editable and the notice deadline shows.
    expect(screen.getByTestId("checklist-save")).toBeInTheDocument();
    expect(screen.getByTestId("case-notice-deadline")).toHaveTextContent("2026-02-24");
  });

  it("shows no action and a read-only checklist when nothing is allowed", async () => {
    detail = caseDetail({ allowed: [] });
    detail.case.state = "rejected";
    renderCase();
    const actions = await screen.findByTestId("case-actions");
    expect(within(actions).queryAllByRole("button")).toHaveLength(0);
    expect(screen.queryByTestId("checklist-save")).not.toBeInTheDocument();
    expect(screen.getByTestId("check-LAYOUT-status")).toHaveTextContent("缺少");
  });

  it("offers 当场办结 for an on-the-spot item", async () => {
    detail = caseDetail({ allowed: ["accept"] });
    detail.case.item.kind = "immediate";
    renderCase();
    expect(await screen.findByTestId("act-complete-on-the-spot")).toHaveTextContent("当场办结");
    expect(screen.getByTestId("act-complete-on-the-spot")).toHaveClass("ant-btn-primary");
    expect(screen.queryByTestId("act-accept")).not.toBeInTheDocument();
  });

  it("offers 报首席代表审批（增加材料） once the one-time rule refused a notice, and asks for the override", async () => {
    const rule = "一次性告知规则：首次补正通知未要求“授权委托书”，再次告知不得增加材料";
    actAnswers.push(() => apiError("one_time_rule", rule));
    detail = caseDetail({ allowed: ["request_correction", "accept", "reject", "withdraw", "request_approval"] });
    renderCase();
    await screen.findByTestId("act-issue-correction");
    // Under review nothing is asked of the chief representative until the rule is hit.
    expect(screen.queryByTestId("act-request-override")).not.toBeInTheDocument();
    expect(screen.queryByTestId("act-request-approval")).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId("act-issue-correction"));
    expect(await screen.findByTestId("case-error")).toHaveTextContent(rule);
    expect(acts[0]?.command).toEqual({ type: "issue_correction_notice" });

    const offer = await screen.findByTestId("act-request-override");
    expect(offer).toHaveTextContent("报首席代表审批（增加材料）");
    fireEvent.click(offer);
    const modal = await screen.findByTestId("action-modal");
    expect(within(modal).getByTestId("override-rule")).toHaveTextContent(rule);
    expect(within(modal).queryByTestId("modal-field-chief_rep")).not.toBeInTheDocument();
    fireEvent.change(within(modal).getByTestId("modal-field-reason"), { target: { value: " 现场发现委托办理 " } });
    fireEvent.click(screen.getByTestId("modal-ok"));

    await waitFor(() => expect(acts).toHaveLength(2));
    expect(acts[1]?.command).toEqual({
      type: "request_approval",
      subject: { type: "notice_override", reason: "现场发现委托办理", materials: [] },
      note: "",
    });
    expect(acts[1]?.action_key).not.toBe(acts[0]?.action_key);
    await waitFor(() => expect(screen.queryByTestId("action-modal")).not.toBeInTheDocument());
  });

  it("saves the checklist ticks together", async () => {
    renderCase();
    fireEvent.click(await screen.findByTestId("check-AUTH-defective"));
    fireEvent.change(await screen.findByTestId("check-AUTH-reason"), { target: { value: "未签字" } });
    fireEvent.click(screen.getByTestId("checklist-save"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "update_checklist",
      lines: [
        { code: "APP", status: { status: "received" } },
        { code: "LAYOUT", status: { status: "missing" } },
        { code: "AUTH", status: { status: "defective", reason: "未签字" } },
      ],
    });
  });
  it("saves unsaved ticks before accepting, then accepts", async () => {
    renderCase();
    fireEvent.click(await screen.findByTestId("checklist-all-received"));
    expect(await screen.findByTestId("checklist-dirty")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("act-accept"));
    await waitFor(() => expect(acts).toHaveLength(2));
    expect(acts[0]?.command).toEqual({
      type: "update_checklist",
      lines: [
        { code: "APP", status: { status: "received" } },
        { code: "LAYOUT", status: { status: "received" } },
        { code: "AUTH", status: { status: "received" } },
      ],
    });
    expect(acts[1]?.command).toEqual({ type: "accept" });
    expect(acts[1]?.action_key).not.toBe(acts[0]?.action_key);
    expect(await screen.findByText("已受理")).toBeInTheDocument();
  });

  it("accepts at once when nothing is unsaved", async () => {
    renderCase();
    fireEvent.click(await screen.findByTestId("act-accept"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "accept" });
  });

  it("reissues a refusal with the reason pre-filled and corrected", async () => {
    detail = caseDetail({ allowed: [] });
    detail.case.state = "rejected";
    detail.case.closing_reason = "不属于本部门职权";
    detail.case.closing_basis = "《行政许可法》第三十二条";
    detail.notices = [
      {
        number: "BYSL-1",
        kind: "rejection",
        issued_at: "2026-02-10T09:30:00",
        sha256: "x",
        voided: { at: "2026-02-10T09:40:00", reason: "理由写错", by: "S0301" },
        can_void: false,
      },
    ];
    renderCase();
    fireEvent.click(await screen.findByTestId("notice-reissue-BYSL-1"));
    const modal = await screen.findByTestId("action-modal");
    const reason = within(modal).getByTestId("modal-field-reason") as HTMLTextAreaElement;
    expect(reason.value).toBe("不属于本部门职权");
    fireEvent.change(reason, { target: { value: "申请事项依法不需要取得行政许可" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "reissue_notice",
      kind: "rejection",
      reason: "申请事项依法不需要取得行政许可",
      legal_basis: "《行政许可法》第三十二条",
    });
  });

  it("asks for the chief representative's approval after acceptance, with an optional note", async () => {
    detail = processing(["withdraw", "start_processing", "suspend", "request_approval"]);
    renderCase();
    const button = await screen.findByTestId("act-request-approval");
    expect(button).toHaveTextContent("提请首席代表审批");
    expect(button).toHaveClass("ant-btn-primary");
    expect(screen.queryByTestId("act-complete")).not.toBeInTheDocument();

    fireEvent.click(button);
    const modal = await screen.findByTestId("action-modal");
    expect(modal).toHaveTextContent("说明（选填）");
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "request_approval",
      subject: { type: "decision", decision: { type: "granted" } },
      note: "",
    });
    expect(await screen.findByText("已提请审批")).toBeInTheDocument();
  });

  it("shows 审批同意 and 退回 to the chief representative but never to a clerk", async () => {
    detail = caseDetail({ allowed: ["approve", "return_with_opinion", "withdraw"], notice_deadline: null });
    detail.case.state = "awaiting_approval";
    const clerk = renderCase(CLERK);
    await screen.findByTestId("case-actions");
    expect(buttonTexts()).toEqual(["撤回"]);
    clerk.unmount();

    renderCase();
    await screen.findByTestId("case-actions");
    expect(buttonTexts()).toEqual(["撤回"]);
    cleanup();

    renderCase(CHIEF);
    expect(await screen.findByTestId("act-approve")).toHaveClass("ant-btn-primary");
    expect(buttonTexts()).toEqual(["审批同意", "退回", "撤回"]);
  });

  it("lets the chief representative approve with the seal pre-filled and an optional opinion", async () => {
    detail = caseDetail({ allowed: ["approve", "return_with_opinion", "withdraw"], notice_deadline: null });
    detail.case.state = "awaiting_approval";
    renderCase(CHIEF);
    fireEvent.click(await screen.findByTestId("act-approve"));
    const modal = await screen.findByTestId("action-modal");
    expect((within(modal).getByTestId("modal-field-seal") as HTMLInputElement).value).toBe("审批专用章");
    fireEvent.change(within(modal).getByTestId("modal-field-opinion"), { target: { value: "同意，按期办结" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "approve", seal: "审批专用章", opinion: "同意，按期办结" });
    expect(await screen.findByText("已审批同意")).toBeInTheDocument();
  });

  it("does not return a case without the chief representative's opinion", async () => {
    detail = caseDetail({ allowed: ["approve", "return_with_opinion"], notice_deadline: null });
    detail.case.state = "awaiting_approval";
    renderCase(CHIEF);
    fireEvent.click(await screen.findByTestId("act-return"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText("必填")).toBeInTheDocument();
    expect(acts).toHaveLength(0);
    fireEvent.change(within(modal).getByTestId("modal-field-opinion"), { target: { value: "现场核查记录缺签字" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "return_with_opinion", opinion: "现场核查记录缺签字" });
    expect(await screen.findByText("已退回")).toBeInTheDocument();
  });

  it("completes an approved case as granted, 办结 being the primary step", async () => {
    detail = processing(["withdraw", "suspend", "request_approval", "complete"]);
    renderCase();
    const complete = await screen.findByTestId("act-complete");
    expect(complete).toHaveClass("ant-btn-primary");
    expect(screen.getByTestId("act-request-approval")).not.toHaveClass("ant-btn-primary");
    fireEvent.click(complete);
    await screen.findByTestId("action-modal");
    expect(screen.queryByTestId("modal-field-reason")).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "complete", decision: { type: "granted" } });
    expect(await screen.findByText("已办结")).toBeInTheDocument();
  });

  it("requires a reason and a legal basis before completing with 不予许可", async () => {
    detail = processing(["withdraw", "suspend", "request_approval", "complete"]);
    renderCase();
    fireEvent.click(await screen.findByTestId("act-complete"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.click(within(modal).getByLabelText("不予许可"));
    const reason = await within(modal).findByTestId("modal-field-reason");
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(within(modal).getAllByText("必填")).toHaveLength(2));
    expect(acts).toHaveLength(0);

    fireEvent.change(reason, { target: { value: "现场核查不符合食品经营场所要求" } });
    fireEvent.change(within(modal).getByTestId("modal-field-legal_basis"), {
      target: { value: "《食品经营许可和备案管理办法》第二十二条" },
    });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "complete",
      decision: {
        type: "denied",
        reason: "现场核查不符合食品经营场所要求",
        legal_basis: "《食品经营许可和备案管理办法》第二十二条",
      },
    });
    expect(await screen.findByText("已办结（不予许可）")).toBeInTheDocument();
  });

  it("lists the chief representative's decisions in 审批记录 with who, when, seal and opinion", async () => {
    detail = processing(["withdraw", "suspend", "request_approval", "complete"]);
    detail.case.approvals = [
      { approved: false, by_id: "u-7", by: "王芳", at: "2026-03-02T01:11:00Z", seal: null, opinion: "现场核查记录缺签字", subject: { type: "decision", decision: { type: "granted" } }, cancelled: null },
      { approved: true, by_id: "u-7", by: "王芳", at: "2026-03-03T02:30:00Z", seal: "审批专用章", opinion: null, subject: { type: "decision", decision: { type: "granted" } }, cancelled: null },
    ];
    renderCase();
    const card = await screen.findByTestId("case-approvals");
    expect(card).toHaveTextContent("审批记录");
    const returned = within(card).getByTestId("approval-0");
    expect(returned).toHaveTextContent("退回");
    expect(returned).toHaveTextContent("2026-03-02 09:11 · 王芳");
    expect(returned).toHaveTextContent("意见：现场核查记录缺签字");
    const approved = within(card).getByTestId("approval-1");
    expect(approved).toHaveTextContent("同意");
    expect(approved).toHaveTextContent("2026-03-03 10:30 · 王芳");
    expect(approved).toHaveTextContent("印章：审批专用章");
    expect(approved).not.toHaveTextContent("意见");
  });

  it("shows no 审批记录 before any decision", async () => {
    renderCase();
    await screen.findByTestId("case-actions");
    expect(screen.queryByTestId("case-approvals")).not.toBeInTheDocument();
  });

  it("offers 出件 only for a completed case without a result", async () => {
    const under = renderCase();
    await screen.findByTestId("case-actions");
    expect(screen.queryByTestId("act-issue-result")).not.toBeInTheDocument();
    under.unmount();

    detail = completed();
    const due = renderCase();
    const button = await screen.findByTestId("act-issue-result");
    expect(button).toHaveClass("ant-btn-primary");
    expect(buttonTexts()).toEqual(["出件"]);
    due.unmount();

    detail = completed();
    detail.case.result = { delivery: { type: "counter", collected_by: "王小明" }, at: "2026-03-05T15:00:00", by: "李娜" };
    renderCase();
    await screen.findByTestId("case-actions");
    expect(screen.queryByTestId("act-issue-result")).not.toBeInTheDocument();
  });

  it("requires the collector's name when issuing at the counter and sends the right command", async () => {
    detail = completed();
    renderCase();
    fireEvent.click(await screen.findByTestId("act-issue-result"));
    const modal = await screen.findByTestId("action-modal");
    expect(within(modal).queryByTestId("modal-field-tracking_no")).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText("必填")).toBeInTheDocument();
    expect(acts).toHaveLength(0);

    fireEvent.change(within(modal).getByTestId("modal-field-collected_by"), { target: { value: " 王小明 " } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "issue_result",
      delivery: { type: "counter", collected_by: "王小明" },
    });
    expect(await screen.findByText("已出件")).toBeInTheDocument();
  });

  it("asks for the tracking number when the result is posted", async () => {
    detail = completed();
    renderCase();
    fireEvent.click(await screen.findByTestId("act-issue-result"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.click(within(modal).getByLabelText("邮寄"));
    const tracking = await within(modal).findByTestId("modal-field-tracking_no");
    expect(within(modal).queryByTestId("modal-field-collected_by")).not.toBeInTheDocument();
    fireEvent.change(tracking, { target: { value: "EMS1234567890" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "issue_result", delivery: { type: "post", tracking_no: "EMS1234567890" } });
  });

  it("shows the issued result with how, when and by whom", async () => {
    detail = completed();
    detail.case.result = { delivery: { type: "counter", collected_by: "王小明" }, at: "2026-03-05T15:00:00", by: "李娜" };
    const counter = renderCase();
    expect(await screen.findByTestId("case-result")).toHaveTextContent("窗口领取 王小明 · 2026-03-05 15:00 · 经办 李娜");
    counter.unmount();

    detail = completed();
    detail.case.result = { delivery: { type: "post", tracking_no: "EMS1234567890" }, at: "2026-03-06T09:20:00", by: "李娜" };
    renderCase();
    expect(await screen.findByTestId("case-result")).toHaveTextContent("邮寄 EMS1234567890 · 2026-03-06 09:20 · 经办 李娜");
  });

  it("shows no result before it is issued", async () => {
    detail = completed();
    renderCase();
    await screen.findByTestId("case-actions");
    expect(screen.queryByTestId("case-result")).not.toBeInTheDocument();
  });

  it("lists the completion notice with its label, to print, save or void", async () => {
    detail = completed();
    renderCase();
    const notices = await screen.findByTestId("case-notices");
    expect(notices).toHaveTextContent("办结通知书");
    expect(within(notices).getByTestId("notice-number-BJTZ-1")).toBeInTheDocument();
    expect(within(notices).getByTestId("notice-print-BJTZ-1")).toBeInTheDocument();
    expect(within(notices).getByTestId("notice-save-BJTZ-1")).toBeInTheDocument();
    expect(within(notices).getByTestId("notice-void-BJTZ-1")).toBeInTheDocument();
    expect(within(notices).queryByTestId("notice-reissue-BJTZ-1")).not.toBeInTheDocument();
  });

  it("reissues a voided completion notice from the recorded decision", async () => {
    detail = completed();
    detail.notices = detail.notices.map((n) => ({
      ...n,
      voided: { at: "2026-03-05T14:40:00", reason: "日期写错", by: "S0301" },
      can_void: false,
    }));
    renderCase();
    expect(await screen.findByTestId("notice-voided-BJTZ-1")).toHaveTextContent("日期写错");
    fireEvent.click(screen.getByTestId("notice-reissue-BJTZ-1"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "reissue_notice", kind: "completion", reason: null, legal_basis: null });
  });
});
