// The modal of a case action button that needs words: 不予受理, 撤回, 特别程序, 提请审批 (or,
// under review, 报首席代表审批（增加材料）), 审批同意 / 退回 (showing what is being decided), 办结
// (a flagged item pre-filled with the decision the chief representative approved) and 出件.
import { Alert } from "antd";
import type { CaseCommand, CaseDetail } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { ActionModal } from "./ActionModal";
import { ApproveModal, ReturnModal, SubjectIntro } from "./ApprovalModals";
import { requestKinds, standingDecision, subjectText } from "./approvalSubject";
import { FIELDS, SUSPEND_BASIS, decisionOf, decisionValues } from "./caseActionFields";
import { OverrideRequestModal, RequestApprovalModal } from "./RequestApprovalModal";

/** Buttons that open a modal for their words (every other one acts at once). */
export type ModalButton =
  | "reject"
  | "withdraw"
  | "suspend"
  | "request_approval"
  | "request_override"
  | "approve"
  | "return_with_opinion"
  | "complete"
  | "issue_result";

type Props = {
  kind: ModalButton;
  detail: CaseDetail;
  /** The one-time rule's words, when a notice was refused by it (for the override request). */
  overrideRule: string | null;
  onSubmit: (command: CaseCommand, actionKey: string) => Promise<unknown>;
  onClose: () => void;
};

export function CaseActionModal({ kind, detail, overrideRule, onSubmit, onClose }: Props) {
  const t = useT();
  const c = detail.case;
  const submit = (command: (v: Record<string, string>) => CaseCommand) =>
    (values: Record<string, string>, key: string) => onSubmit(command(values), key);
  const pending = c.pending_approval;
  const deciding = pending ? <SubjectIntro text={subjectText(pending.subject, t)} /> : undefined;

  switch (kind) {
    case "reject":
      return (
        <ActionModal
          title={t("caseAction.reject")}
          fields={FIELDS.reject}
          danger
          onClose={onClose}
          onSubmit={submit((v) => ({ type: "reject", reason: v.reason ?? "", legal_basis: v.legal_basis ?? "" }))}
        />
      );
    case "withdraw":
      return (
        <ActionModal
          title={t("caseAction.withdraw")}
          fields={FIELDS.withdraw}
          danger
          onClose={onClose}
          onSubmit={submit((v) => ({ type: "withdraw", reason: v.reason ?? "" }))}
        />
      );
    case "suspend":
      return (
        <ActionModal
          title={t("caseAction.suspend")}
          fields={FIELDS.suspend}
          initialValues={{ legal_basis: SUSPEND_BASIS }}
          onClose={onClose}
          onSubmit={submit((v) => ({
            type: "suspend",
            procedure: v.procedure ?? "",
            reason: v.reason ?? "",
            legal_basis: v.legal_basis ?? "",
          }))}
        />
      );
    case "request_approval":
      return (
        <RequestApprovalModal
          kinds={requestKinds(c)}
          statutoryDays={c.item.statutory_days}
          onSubmit={onSubmit}
          onClose={onClose}
        />
      );
    case "request_override":
      return <OverrideRequestModal rule={overrideRule ?? ""} onSubmit={onSubmit} onClose={onClose} />;
    case "approve":
      return <ApproveModal intro={deciding} onClose={onClose} onSubmit={onSubmit} />;
    case "return_with_opinion":
      return <ReturnModal intro={deciding} onClose={onClose} onSubmit={onSubmit} />;
    case "complete": {
      // A flagged item completes with the very decision that was approved: pre-filled from it.
      const approved = c.item.requires_chief_approval ? standingDecision(c) : null;
      return (
        <ActionModal
          title={t("caseAction.complete")}
          fields={FIELDS.complete}
          initialValues={decisionValues(approved)}
          intro={
            approved && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="complete-approved-decision"
                message={t("caseModal.approvedDecision", {
                  subject: subjectText({ type: "decision", decision: approved }, t),
                })}
              />
            )
          }
          okText={t("caseAction.complete")}
          onClose={onClose}
          onSubmit={submit((v) => ({ type: "complete", decision: decisionOf(v) }))}
        />
      );
    }
    case "issue_result":
      return (
        <ActionModal
          title={t("caseAction.issueResult")}
          fields={FIELDS.issue_result}
          initialValues={{ delivery: "counter" }}
          okText={t("caseAction.issueResult")}
          onClose={onClose}
          onSubmit={submit((v) => ({
            type: "issue_result",
            delivery:
              v.delivery === "post"
                ? { type: "post", tracking_no: v.tracking_no?.trim() ?? "" }
                : { type: "counter", collected_by: v.collected_by?.trim() ?? "" },
          }))}
        />
      );
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
