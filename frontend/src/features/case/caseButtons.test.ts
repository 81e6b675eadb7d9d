// Which buttons the case page shows for the backend's allowed actions.
import { describe, expect, it } from "vitest";
import type { Action } from "../../lib/ipc";
import { caseButtons, isPrimary, resultDue } from "./caseButtons";

const REVIEWING: Action[] = ["request_correction", "accept", "reject", "withdraw"];
/** After acceptance of an item flagged for the chief representative, before any approval. */
const ACCEPTED_FLAGGED: Action[] = ["withdraw", "start_processing", "suspend", "request_approval"];
/** The same case once the chief representative approved it. */
const APPROVED: Action[] = ["withdraw", "suspend", "request_approval", "complete"];
const AWAITING_APPROVAL: Action[] = ["approve", "return_with_opinion", "withdraw"];

describe("caseButtons", () => {
  it("offers 受理 for a promised item under review", () => {
    expect(caseButtons(REVIEWING, "promised")).toEqual(["issue_correction", "accept", "reject", "withdraw"]);
    expect(isPrimary("accept", "promised")).toBe(true);
  });

  it("offers 当场办结 first and no 受理 for an immediate item", () => {
    const buttons = caseButtons(REVIEWING, "immediate");
    expect(buttons).toEqual(["complete_on_the_spot", "issue_correction", "reject", "withdraw"]);
    expect(buttons).not.toContain("accept");
    expect(isPrimary("complete_on_the_spot", "immediate")).toBe(true);
    expect(isPrimary("issue_correction", "immediate")).toBe(false);
  });

  it("shows only what is allowed", () => {
    expect(caseButtons(["resume", "withdraw"], "promised")).toEqual(["resume", "withdraw"]);
    expect(caseButtons([], "immediate")).toEqual([]);
  });

  it("shows 提请首席代表审批 as the primary step after acceptance of a flagged item", () => {
    const buttons = caseButtons(ACCEPTED_FLAGGED, "promised");
    expect(buttons).toEqual(["request_approval", "suspend", "withdraw"]);
    expect(isPrimary("request_approval", "promised", buttons)).toBe(true);
    expect(isPrimary("suspend", "promised", buttons)).toBe(false);
  });

  it("shows 办结 only when allowed, and makes it primary once approved", () => {
    expect(caseButtons(ACCEPTED_FLAGGED, "promised")).not.toContain("complete");
    const buttons = caseButtons(APPROVED, "promised");
    expect(buttons).toEqual(["complete", "request_approval", "suspend", "withdraw"]);
    expect(isPrimary("complete", "promised", buttons)).toBe(true);
    expect(isPrimary("request_approval", "promised", buttons)).toBe(false);
    // An item needing no approval is completed straight after acceptance.
    expect(caseButtons(["withdraw", "suspend", "complete"], "promised")).toEqual(["complete", "suspend", "withdraw"]);
  });

  it("never gives a clerk 审批同意 or 退回, even when allowed", () => {
    expect(caseButtons(AWAITING_APPROVAL, "promised")).toEqual(["withdraw"]);
    expect(caseButtons(AWAITING_APPROVAL, "promised", { chiefRep: false })).toEqual(["withdraw"]);
  });

  it("gives the chief representative 审批同意 first and 退回 while a case awaits approval", () => {
    const buttons = caseButtons(AWAITING_APPROVAL, "promised", { chiefRep: true });
    expect(buttons).toEqual(["approve", "return_with_opinion", "withdraw"]);
    expect(isPrimary("approve", "promised", buttons)).toBe(true);
    expect(isPrimary("return_with_opinion", "promised", buttons)).toBe(false);
  });

  it("offers 出件 only for a completed case without a result", () => {
    const issued = { delivery: { type: "post" as const, tracking_no: "EMS1" }, at: "2026-03-05T15:00:00", by: "李娜" };
    expect(resultDue({ state: "completed", result: null })).toBe(true);
    expect(resultDue({ state: "evaluated", result: null })).toBe(true);
    expect(resultDue({ state: "completed", result: issued })).toBe(false);
    expect(resultDue({ state: "processing", result: null })).toBe(false);
    expect(resultDue({ state: "rejected", result: null })).toBe(false);
    expect(caseButtons([], "promised", { chiefRep: false, resultDue: true })).toEqual(["issue_result"]);
    expect(caseButtons([], "promised")).toEqual([]);
    expect(isPrimary("issue_result", "promised")).toBe(true);
  });

  it("offers 报首席代表审批（增加材料） under review only once the one-time rule refused a notice", () => {
    const reviewing: Action[] = [...REVIEWING, "request_approval"];
    expect(caseButtons(reviewing, "promised", { chiefRep: false, approvalRequest: "none" })).toEqual([
      "issue_correction",
      "accept",
      "reject",
      "withdraw",
    ]);
    const offered = caseButtons(reviewing, "promised", { chiefRep: false, approvalRequest: "override" });
    expect(offered).toEqual(["issue_correction", "accept", "request_override", "reject", "withdraw"]);
    expect(isPrimary("request_override", "promised", offered)).toBe(true);
  });

  it("hides 提请首席代表审批 when there is nothing to ask for", () => {
    expect(caseButtons(APPROVED, "promised", { chiefRep: false, approvalRequest: "none" })).toEqual([
      "complete",
      "suspend",
      "withdraw",
    ]);
  });
});
