// Tests the due-date text builder for on-the-spot, promised, statutory and provisional cases.
import { describe, expect, it } from "vitest";
import type { DueDate, DueDatePreview } from "../ipc";
import { translator } from "../i18n/translate";
import { buildDueDateView } from "./dueDate";

const zh = translator("zh-CN");
const en = translator("en");

function due(date: string, working_days: number, provisional = false): DueDate {
  return { date, working_days, provisional, calendar_version: "cn-2020-2026-abcd" };
}

function preview(p: Partial<DueDatePreview>): DueDatePreview {
  return {
    item_code: "000102001000",
    kind: "promised",
    accepted_on: "2026-11-20",
    on_the_spot: null,
    promised: null,
    statutory: null,
    ...p,
  };
}

describe("buildDueDateView", () => {
  it("builds the on-the-spot line for 即办件", () => {
    const v = buildDueDateView(
      preview({ kind: "immediate", on_the_spot: due("2026-11-20", 0), statutory: due("2026-12-11", 15) }),
      zh,
    );
    expect(v.heading).toBe("今日（2026-11-20）受理：");
    expect(v.lines.map((l) => l.kind)).toEqual(["on_the_spot", "statutory"]);
    expect(v.lines[0]?.text).toBe("当场办结，最迟 2026-11-20");
    expect(v.lines[1]?.text).toBe("法定办结期限 2026-12-11（15 个工作日）");
    expect(v.provisional).toBe(false);
    expect(v.calendarVersion).toBe("cn-2020-2026-abcd");
  });

  it("builds promised and statutory lines with working days", () => {
    const v = buildDueDateView(
      preview({ promised: due("2026-12-04", 10), statutory: due("2026-12-18", 20) }),
      zh,
    );
    expect(v.lines).toEqual([
      { kind: "promised", text: "承诺办结日期 2026-12-04（10 个工作日）", provisional: false },
      { kind: "statutory", text: "法定办结期限 2026-12-18（20 个工作日）", provisional: false },
    ]);
  });

  it("is provisional when any deadline crossed into an unloaded year", () => {
    const v = buildDueDateView(
      preview({ promised: due("2026-12-30", 5), statutory: due("2027-01-15", 30, true) }),
      zh,
    );
    expect(v.provisional).toBe(true);
    expect(v.lines.map((l) => l.provisional)).toEqual([false, true]);
    expect(v.lines[1]?.text).toContain("2027-01-15");
  });

  it("handles a preview with no deadlines and English text", () => {
    const empty = buildDueDateView(preview({}), zh);
    expect(empty.lines).toEqual([]);
    expect(empty.provisional).toBe(false);
    expect(empty.calendarVersion).toBeNull();

    const v = buildDueDateView(preview({ promised: due("2026-12-04", 10) }), en);
    expect(v.heading).toBe("Accepted today (2026-11-20):");
    expect(v.lines[0]?.text).toBe("Promised completion 2026-12-04 (10 working days)");
  });
});
