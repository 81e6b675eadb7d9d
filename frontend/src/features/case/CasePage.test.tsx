// The case page over a fake backend: only allowed actions are buttons, and a one-time notice
// refused by the one-time rule opens the chief representative's override, which retries the
// same submission (same action key) with the override.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseActionRequest, CaseDetail } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { DETAIL, caseDetail } from "../../test/fixtures";

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

function renderCase() {
  return render(
    <AntApp>
      <CasePage caseId="case-1" onBack={() => {}} />
    </AntApp>,
  );
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

  it("opens the chief representative override on the one-time rule and retries with the same key", async () => {
    const rule = "一次性告知规则：首次补正通知未要求“授权委托书”，再次告知不得增加材料";
    actAnswers.push(() => apiError("one_time_rule", rule));
    renderCase();
    fireEvent.click(await screen.findByTestId("act-issue-correction"));

    const modal = await screen.findByTestId("action-modal");
    expect(within(modal).getByTestId("override-rule")).toHaveTextContent(rule);
    expect(acts[0]?.command).toEqual({ type: "issue_correction_notice", chief_rep_override: null });

    fireEvent.change(within(modal).getByTestId("modal-field-chief_rep"), { target: { value: "王局" } });
    fireEvent.change(within(modal).getByTestId("modal-field-reason"), {
      target: { value: "现场发现委托办理" },
    });
    fireEvent.click(screen.getByTestId("modal-ok"));

    await waitFor(() => expect(acts).toHaveLength(2));
    expect(acts[1]?.command).toEqual({
      type: "issue_correction_notice",
      chief_rep_override: { chief_rep: "王局", reason: "现场发现委托办理" },
    });
    expect(acts[1]?.action_key).toBe(acts[0]?.action_key);
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
});
