// The conflicts page over a fake backend: every refused action, newest refusal first, with the
// action in words (its code when unknown), the county's reason and code, and a link to the case.
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Conflict } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { ConflictsPage } from "./ConflictsPage";

const OLDER: Conflict = {
  local_seq: 11,
  action: "accept",
  case_id: "case-1",
  case_no: "431125-SCJG-W03-2026-000001",
  code: "case_changed",
  reason: "该办件已在县级中心被 5号窗口 受理，本机的受理未予接受。",
  done_at: "2026-03-02T01:05:00Z",
  refused_at: "2026-03-02T01:11:00Z",
};

const NEWER: Conflict = {
  local_seq: 12,
  action: "merge_applicant",
  case_id: null,
  case_no: null,
  code: "number_taken",
  reason: "办件编号已被占用。",
  done_at: "2026-03-02T02:00:00Z",
  refused_at: "2026-03-02T02:20:00Z",
};

let conflicts: Conflict[];

beforeEach(() => {
  conflicts = [OLDER, NEWER];
  invoke.mockReset();
  invoke.mockImplementation(fakeBackend({ sync_conflicts: () => conflicts }));
});

function renderPage(onOpenCase: (id: string) => void = () => {}) {
  return render(
    <AntApp>
      <ConflictsPage onOpenCase={onOpenCase} />
    </AntApp>,
  );
}

describe("conflicts page", () => {
  it("lists each refused action newest first with its reason and code, and opens its case", async () => {
    const opened = vi.fn();
    renderPage(opened);
    const older = await screen.findByTestId("conflict-row-11");
    const rows = screen.getAllByTestId(/^conflict-row-/).map((r) => r.getAttribute("data-testid"));
    expect(rows).toEqual(["conflict-row-12", "conflict-row-11"]);

    expect(older).toHaveTextContent("2026-03-02 09:11");
    expect(older).toHaveTextContent("受理");
    expect(older).toHaveTextContent("该办件已在县级中心被 5号窗口 受理，本机的受理未予接受。");
    expect(older).toHaveTextContent("case_changed");

    const newer = screen.getByTestId("conflict-row-12");
    expect(newer).toHaveTextContent("merge_applicant");
    expect(newer).toHaveTextContent("number_taken");
    expect(within(newer).queryByTestId("conflict-case-12")).not.toBeInTheDocument();

    fireEvent.click(within(older).getByTestId("conflict-case-11"));
    expect(opened).toHaveBeenCalledWith("case-1");
    expect(within(older).getByTestId("conflict-case-11")).toHaveTextContent("431125-SCJG-W03-2026-000001");
  });

  it("names intake, rejection and the one-time notice in words", async () => {
    conflicts = [
      { ...OLDER, local_seq: 1, action: "intake" },
      { ...OLDER, local_seq: 2, action: "reject" },
      { ...OLDER, local_seq: 3, action: "issue_correction_notice" },
    ];
    renderPage();
    expect(await screen.findByTestId("conflict-row-1")).toHaveTextContent("收件登记");
    expect(screen.getByTestId("conflict-row-2")).toHaveTextContent("不予受理");
    expect(screen.getByTestId("conflict-row-3")).toHaveTextContent("一次性告知");
  });

  it("says there are no conflicts when the county accepted everything", async () => {
    conflicts = [];
    renderPage();
    expect(await screen.findByTestId("conflicts-empty")).toHaveTextContent(
      "没有冲突 — 所有操作均已被县级中心接受",
    );
  });
});
