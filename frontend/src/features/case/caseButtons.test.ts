// Which buttons the case page shows for the backend's allowed actions.
import { describe, expect, it } from "vitest";
import type { Action } from "../../lib/ipc";
import { caseButtons, isPrimary } from "./caseButtons";

const REVIEWING: Action[] = ["request_correction", "accept", "reject", "withdraw"];

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
});
