// 好差评 and AB岗 on the case page: the window only invites the applicant (or withdraws the
// invitation) and never has a control that rates; ratings and the rectification task show,
// and the follow-up and rectification are recorded; a case held under a handover says so, and
// the timeline names "B on behalf of A".
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseActionRequest, CaseDetail, Rectification } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";
import { DETAIL, caseDetail } from "../../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { CasePage } from "./CasePage";

let detail: CaseDetail;
let acts: CaseActionRequest[];
let calls: string[];

function completed(): CaseDetail {
  const d = caseDetail({ allowed: [], notice_deadline: null });
  d.case.state = "completed";
  d.case.decision = { type: "granted" };
  d.case.result = { delivery: { type: "counter", collected_by: "张三" }, at: "2026-03-05T15:00:00", by: "李娜" };
  return d;
}

const TASK: Rectification = {
  opened_at: "2026-03-05T15:10:00",
  follow_up_due: "2026-03-06",
  rectify_due: "2026-03-26",
  follow_up: null,
  rectified: null,
};

/** Rated 不满意 once, with its rectification task open. */
function badlyRated(): CaseDetail {
  const d = completed();
  d.case.state = "evaluated";
  d.case.evaluations = [
    {
      rating: "dissatisfied",
      reasons: ["slow", "extra_materials"],
      comment: "跑了两趟",
      at: "2026-03-05T15:10:00",
      workstation: "ws-test",
    },
  ];
  d.case.rectification = { ...TASK };
  return d;
}

beforeEach(() => {
  detail = completed();
  acts = [];
  calls = [];
  invoke.mockReset();
  invoke.mockImplementation((command: string, args: { req: unknown }) => {
    calls.push(command);
    return fakeBackend({
      case_get: () => detail,
      catalog_item: () => DETAIL,
      case_act: (req: CaseActionRequest) => {
        acts.push(req);
        return detail;
      },
      rating_invite: () => ({
        case_id: "case-1",
        case_no: detail.case.case_no,
        item_name: "食品经营许可（新办）",
        applicant: "张*",
        window_name: "3号窗口",
        clerk: "李娜",
        reasons: [],
      }),
      rating_cancel: () => null,
    })(command, args);
  });
});

function renderCase() {
  return render(
    <AntApp>
      <CasePage caseId="case-1" onBack={() => {}} />
    </AntApp>,
  );
}

const LEVELS = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"];

describe("好差评 on the case page", () => {
  it("has no control that rates a case, only the invitation", async () => {
    renderCase();
    const card = await screen.findByTestId("case-rating");
    expect(within(card).getByTestId("case-rating-invite")).toHaveTextContent("请申请人评价");
    for (const name of LEVELS) {
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
      expect(screen.queryByRole("radio", { name })).not.toBeInTheDocument();
    }
    expect(document.querySelector('[data-testid^="rating-"]')).toBeNull();
    expect(screen.queryByTestId("rating-submit")).not.toBeInTheDocument();
  });

  it("invites the applicant to the rating screen, and withdraws the invitation", async () => {
    renderCase();
    fireEvent.click(await screen.findByTestId("case-rating-invite"));
    expect(await screen.findByTestId("case-rating-waiting")).toHaveTextContent("等待申请人评价");
    expect(invoke).toHaveBeenCalledWith("rating_invite", { req: { case_id: "case-1" } });

    fireEvent.click(screen.getByTestId("case-rating-cancel"));
    expect(await screen.findByTestId("case-rating-invite")).toBeInTheDocument();
    expect(calls).toContain("rating_cancel");
    expect(acts).toHaveLength(0);
  });

  it("offers no invitation before completion or once rated", async () => {
    detail = caseDetail();
    const under = renderCase();
    await screen.findByTestId("case-actions");
    expect(screen.queryByTestId("case-rating")).not.toBeInTheDocument();
    under.unmount();

    detail = badlyRated();
    renderCase();
    await screen.findByTestId("case-rating");
    expect(screen.queryByTestId("case-rating-invite")).not.toBeInTheDocument();
  });

  it("shows the rating with its reasons and comment, and records the follow-up call", async () => {
    detail = badlyRated();
    renderCase();
    const rating = await screen.findByTestId("case-rating-0");
    expect(rating).toHaveTextContent("不满意");
    expect(rating).toHaveTextContent("差评");
    expect(rating).toHaveTextContent("原因：办理时间长、要求额外材料");
    expect(rating).toHaveTextContent("留言：跑了两趟");
    expect(screen.getByTestId("rect-follow-up")).toHaveTextContent("应于 2026-03-06 前完成");
    expect(screen.getByTestId("rect-rectified")).toHaveTextContent("应于 2026-03-26 前完成");
    expect(screen.queryByTestId("act-rectify")).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId("act-follow-up"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.change(within(modal).getByTestId("modal-field-note"), { target: { value: "已电话致歉并说明" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "follow_up", note: "已电话致歉并说明" });
  });

  it("records the rectification after the follow-up, then offers the second rating", async () => {
    detail = badlyRated();
    if (detail.case.rectification) {
      detail.case.rectification.follow_up = { note: "已致歉", at: "2026-03-06T09:00:00", by: "李娜" };
    }
    const open = renderCase();
    expect(await screen.findByTestId("rect-follow-up")).toHaveTextContent("李娜 · 2026-03-06 09:00");
    fireEvent.click(screen.getByTestId("act-rectify"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.change(within(modal).getByTestId("modal-field-note"), { target: { value: "已修订告知清单" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "rectify", note: "已修订告知清单" });
    open.unmount();

    if (detail.case.rectification) {
      detail.case.rectification.rectified = { note: "已修订告知清单", at: "2026-03-10T09:00:00", by: "李娜" };
    }
    renderCase();
    expect(await screen.findByTestId("case-rating-invite")).toBeInTheDocument();
  });
});

describe("AB岗 on the case page", () => {
  it("says who holds the case for whom, and names B on behalf of A in the timeline", async () => {
    detail = caseDetail();
    detail.case.holder = {
      user_id: "u-7",
      name: "王芳",
      for_id: "u-3",
      for_name: "李娜",
      handover_id: "h-1",
      since: "2026-03-02T12:00:00",
    };
    detail.timeline = [
      ...detail.timeline,
      {
        seq: 3,
        at: "2026-03-02T14:00:00",
        actor: "王芳",
        actor_id: "u-7",
        workstation: "ws-test",
        on_behalf_of: "李娜",
        what: "checklist_updated",
        from: "reviewing",
        to: "reviewing",
        note: null,
      },
    ];
    renderCase();
    expect(await screen.findByTestId("case-holder")).toHaveTextContent("由 王芳 代 李娜 办理");
    expect(screen.getByTestId("timeline-3")).toHaveTextContent("王芳（代 李娜）");
    expect(screen.getByTestId("timeline-2")).not.toHaveTextContent("（代");
  });
});
