// Builds the due-date helper's text lines from a DueDatePreview (no React, testable).
import type { DueDate, DueDatePreview } from "../ipc";
import type { Translate } from "../i18n";

export type DueLineKind = "on_the_spot" | "promised" | "statutory";

export type DueLine = {
  kind: DueLineKind;
  /** Contains the ISO date (YYYY-MM-DD) verbatim. */
  text: string;
  provisional: boolean;
};

export type DueDateView = {
  /** "今日（2026-11-22）受理：" */
  heading: string;
  lines: DueLine[];
  /** True when any deadline crossed into a year whose holidays are not loaded. */
  provisional: boolean;
  /** Calendar version used, from the first deadline present; `null` when none is present. */
  calendarVersion: string | null;
};

export function buildDueDateView(preview: DueDatePreview, t: Translate): DueDateView {
  const lines: DueLine[] = [];
  const present: DueDate[] = [];
  const push = (kind: DueLineKind, due: DueDate | null, text: (d: DueDate) => string) => {
    if (!due) return;
    present.push(due);
    lines.push({ kind, text: text(due), provisional: due.provisional });
  };
  push("on_the_spot", preview.on_the_spot, (d) => t("due.onTheSpot", { date: d.date }));
  push("promised", preview.promised, (d) =>
    t("due.promised", { date: d.date, days: d.working_days }),
  );
  push("statutory", preview.statutory, (d) =>
    t("due.statutory", { date: d.date, days: d.working_days }),
  );
  return {
    heading: t("due.acceptedOn", { date: preview.accepted_on }),
    lines,
    provisional: present.some((d) => d.provisional),
    calendarVersion: present[0]?.calendar_version ?? null,
  };
}
