// What a clerk may ask the chief representative to approve (首席代表审批, DOMAIN.md rule 4) and
// how a subject reads: the decision a flagged item is completed with, an extension of the time
// limit (行政许可法 Art. 42), or a further correction notice asking for new materials.
import type { ApprovalSubject, Case, Decision } from "../../lib/ipc";
import type { Translate } from "../../lib/i18n";

/** The subjects the request modal offers (a notice override has its own, under review). */
export type RequestKind = "decision" | "extension";

/** The most working days an extension may add: 10, or 15 for a statutory limit over 20 days. */
export function maxExtensionDays(statutoryDays: number): number {
  return statutoryDays > 20 ? 15 : 10;
}

/**
 * What may be asked for on `c` once it is accepted: the decision of an item flagged in the
 * catalog, and an extension while the case has a running clock and none was granted yet.
 */
export function requestKinds(c: Pick<Case, "item" | "clock">): RequestKind[] {
  const out: RequestKind[] = [];
  if (c.item.requires_chief_approval) out.push("decision");
  if (c.item.kind !== "immediate" && c.clock !== null && c.clock.extension_days === 0) out.push("extension");
  return out;
}

/**
 * The decision the chief representative approved and that still holds (not cancelled by a
 * later special procedure): a flagged item is completed with exactly this one.
 */
export function standingDecision(c: Pick<Case, "approvals">): Decision | null {
  for (let i = c.approvals.length - 1; i >= 0; i--) {
    const a = c.approvals[i];
    if (!a || a.subject.type !== "decision") continue;
    return a.approved && a.cancelled === null ? a.subject.decision : null;
  }
  return null;
}

/** 办结决定：准予许可 / 延长办理期限 5 个工作日（…） / 再次告知增加材料（…）. */
export function subjectText(s: ApprovalSubject, t: Translate): string {
  switch (s.type) {
    case "decision":
      return s.decision.type === "granted"
        ? t("subject.decisionGranted")
        : t("subject.decisionDenied", { reason: s.decision.reason, basis: s.decision.legal_basis });
    case "extension":
      return t("subject.extension", { days: s.days, reason: s.reason });
    case "notice_override":
      return t("subject.noticeOverride", { reason: s.reason });
    default: {
      const unreachable: never = s;
      return unreachable;
    }
  }
}
