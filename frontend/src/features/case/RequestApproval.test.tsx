// Asking the chief representative from the case page: the request modal offers what the case
// can have approved and sends the chosen subject; 办结 of a flagged item is pre-filled with
// the approved decision; the approvals card shows each subject, the pending request and
// cancelled approvals.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseActionRequest, CaseDetail } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";
import { DETAIL, caseDetail } from "../../test/fixtures";
import { CHIEF, WithSession, loggedIn } from "../../test/session";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { CasePage } from "./CasePage";

let detail: CaseDetail;
let acts: CaseActionRequest[];

/** A flagged item (statutory 20 days) being processed, its clock running, no extension yet. */
function processing(): CaseDetail {
  const d = caseDetail({ allowed: ["withdraw", "suspend", "request_approval"], notice_deadline: null });
  d.case.state = "processing";
  d.case.clock = {
    start_event: "accepted",
    start: "2026-02-10",
    promised_days: 10,
    statutory_days: 20,
    extension_days: 0,
    immediate: false,
  };
  return d;
}

beforeEach(() => {
  detail = processing();
  acts = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      case_get: () => detail,
      catalog_item: () => DETAIL,
      case_act: (req: CaseActionRequest) => {
        acts.push(req);
        return detail;
      },
    }),
  );
});

function renderCase(withChief = false) {
  const page = (
    <AntApp>
      <CasePage caseId="case-1" onBack={() => {}} />
    </AntApp>
  );
  return render(withChief ? <WithSession value={loggedIn(CHIEF)}>{page}</WithSession> : page);
}

async function openRequest() {
  fireEvent.click(await screen.findByTestId("act-request-approval"));
  return screen.findByTestId("action-modal");
}

describe("requesting an approval", () => {
  it("sends an extension within the limit, refusing too many days before sending", async () => {
    renderCase();
    const modal = await openRequest();
    fireEvent.click(within(modal).getByLabelText("延长办理期限"));
    const days = await within(modal).findByTestId("modal-field-days");
    expect(modal).toHaveTextContent("最多 10 个工作日");
    fireEvent.change(days, { target: { value: "11" } });
    fireEvent.change(within(modal).getByTestId("modal-field-extension_reason"), { target: { value: "需现场核查" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText("请输入 1 至 10 的整数")).toBeInTheDocument();
    expect(acts).toHaveLength(0);

    fireEvent.change(days, { target: { value: "5" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "request_approval",
      subject: { type: "extension", days: 5, reason: "需现场核查" },
      note: "",
    });
    expect(await screen.findByText("已提请延长办理期限")).toBeInTheDocument();
  });

  it("sends a denial as the decision to approve, with its reason and legal basis", async () => {
    renderCase();
    const modal = await openRequest();
    expect(within(modal).getByLabelText("办结决定")).toBeChecked();
    fireEvent.click(within(modal).getByLabelText("不予许可"));
    fireEvent.change(await within(modal).findByTestId("modal-field-reason"), { target: { value: "场所不符合要求" } });
    fireEvent.change(within(modal).getByTestId("modal-field-legal_basis"), { target: { value: "《食品经营许可和备案管理办法》" } });
    fireEvent.change(within(modal).getByTestId("modal-field-note"), { target: { value: "现场核查记录附后" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "request_approval",
      subject: {
        type: "decision",
        decision: { type: "denied", reason: "场所不符合要求", legal_basis: "《食品经营许可和备案管理办法》" },
      },
      note: "现场核查记录附后",
    });
  });

  it("offers only the extension for an item that needs no approval, and 15 days over a 20-day limit", async () => {
    detail.case.item.requires_chief_approval = false;
    detail.case.item.statutory_days = 30;
    renderCase();
    const modal = await openRequest();
    expect(within(modal).queryByLabelText("办结决定")).not.toBeInTheDocument();
    expect(within(modal).getByLabelText("延长办理期限")).toBeChecked();
    expect(modal).toHaveTextContent("最多 15 个工作日");
  });

  it("offers nothing to ask once the extension was granted for an item that needs no approval", async () => {
    detail.case.item.requires_chief_approval = false;
    if (detail.case.clock) detail.case.clock.extension_days = 5;
    renderCase();
    await screen.findByTestId("case-actions");
    expect(screen.queryByTestId("act-request-approval")).not.toBeInTheDocument();
  });
});

describe("approved decisions", () => {
  it("completes a flagged item with the approved decision, pre-filled", async () => {
    detail = processing();
    detail.allowed = ["withdraw", "suspend", "request_approval", "complete"];
    detail.case.approvals = [
      {
        approved: true,
        by_id: "u-7",
        by: "王芳",
        at: "2026-03-03T10:30:00",
        seal: "审批专用章",
        opinion: null,
        subject: { type: "decision", decision: { type: "denied", reason: "场所不符合要求", legal_basis: "第二十二条" } },
        cancelled: null,
      },
    ];
    renderCase();
    fireEvent.click(await screen.findByTestId("act-complete"));
    const modal = await screen.findByTestId("action-modal");
    expect(within(modal).getByTestId("complete-approved-decision")).toHaveTextContent("不予许可（场所不符合要求；第二十二条）");
    expect((within(modal).getByTestId("modal-field-reason") as HTMLTextAreaElement).value).toBe("场所不符合要求");
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "complete",
      decision: { type: "denied", reason: "场所不符合要求", legal_basis: "第二十二条" },
    });
  });

  it("shows the pending request, each approval's subject and a cancelled approval", async () => {
    detail = processing();
    detail.case.state = "awaiting_approval";
    detail.allowed = ["approve", "return_with_opinion", "withdraw"];
    detail.case.pending_approval = {
      subject: { type: "extension", days: 5, reason: "需现场核查" },
      note: "申请人同意",
      by_id: "u-3",
      by: "李娜",
      at: "2026-03-04T09:00:00",
    };
    detail.case.approvals = [
      {
        approved: true,
        by_id: "u-7",
        by: "王芳",
        at: "2026-03-03T10:30:00",
        seal: "审批专用章",
        opinion: null,
        subject: { type: "decision", decision: { type: "granted" } },
        cancelled: "启动特别程序：现场核查",
      },
    ];
    renderCase(true);
    const card = await screen.findByTestId("case-approvals");
    expect(within(card).getByTestId("approval-pending")).toHaveTextContent("待首席代表审批：延长办理期限 5 个工作日（需现场核查）");
    expect(within(card).getByTestId("approval-pending")).toHaveTextContent("李娜 于 2026-03-04 09:00 提请");
    expect(within(card).getByTestId("approval-subject-0")).toHaveTextContent("办结决定：准予许可");
    expect(within(card).getByTestId("approval-cancelled-0")).toHaveTextContent("已撤销（启动特别程序：现场核查）");

    fireEvent.click(screen.getByTestId("act-approve"));
    const modal = await screen.findByTestId("action-modal");
    expect(within(modal).getByTestId("approval-subject")).toHaveTextContent("延长办理期限 5 个工作日");
  });
});
