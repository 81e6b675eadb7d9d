// 审批: the department's requests waiting for the chief representative (首席代表审批), each
// with what it asks for (a decision, an extension, a notice asking for more materials). The
// chief representative approves (with the seal) or returns (with an opinion) each from here,
// in the same modals as on the case page; anyone else sees the list and is told that only the
// chief representative can approve.
import { Alert, App, Button, Space, Typography } from "antd";
import { useState } from "react";
import { api, type CaseCommand, type PendingApproval } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { doneMessageKey } from "../case/actionFeedback";
import { ApproveModal, ReturnModal, SubjectIntro } from "../case/ApprovalModals";
import { subjectText } from "../case/approvalSubject";
import { useSession } from "../session/context";
import { isChiefRep } from "../session/roles";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { useWorkstation } from "../workstation/context";
import { ApprovalsTable, type ChiefDecision } from "./ApprovalsTable";
import { usePendingApprovals } from "./usePendingApprovals";

type Props = {
  onOpenCase: (caseId: string) => void;
  onGoSettings: () => void;
};

export function ApprovalsPage(props: Props) {
  const { info } = useWorkstation();
  if (info !== undefined && !info.profile) {
    return (
      <div data-testid="approvals-page">
        <NotConfiguredAlert onGoSettings={props.onGoSettings} />
      </div>
    );
  }
  return <ConfiguredApprovals {...props} />;
}

function ConfiguredApprovals({ onOpenCase, onGoSettings }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const chiefRep = isChiefRep(useSession().user);
  const [reloads, setReloads] = useState(0);
  const queue = usePendingApprovals(reloads);
  const [deciding, setDeciding] = useState<{ row: PendingApproval; decision: ChiefDecision } | null>(null);

  /** Runs the decision on its case; a refusal is thrown back to the modal, which shows it. */
  const decide = (row: PendingApproval) => async (command: CaseCommand, actionKey: string) => {
    await api.caseAct({ action_key: actionKey, case_id: row.case_id, command });
    void message.success(t(doneMessageKey(command)));
    // Decided: the case leaves this list.
    setReloads((n) => n + 1);
  };

  const title = (row: PendingApproval, decision: ChiefDecision) =>
    t("approvals.modalTitle", {
      action: t(decision === "approve" ? "caseAction.approve" : "caseAction.returnWithOpinion"),
      caseNo: row.case_no,
    });
  const intro = (row: PendingApproval) => <SubjectIntro text={subjectText(row.request.subject, t)} />;

  return (
    <div data-testid="approvals-page">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("approvals.title")}
        </Typography.Title>
        <Button onClick={() => setReloads((n) => n + 1)} data-testid="approvals-refresh">
          {t("queue.refresh")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t("approvals.hint")}</Typography.Paragraph>
      {!chiefRep && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="approvals-chief-only"
          message={t("approvals.chiefOnly")}
        />
      )}
      {queue.error &&
        (queue.error.code === "workstation_not_configured" ? (
          <NotConfiguredAlert onGoSettings={onGoSettings} />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="approvals-error"
            message={t(errorTitleKey(queue.error.code))}
            description={<div style={{ whiteSpace: "pre-wrap" }}>{queue.error.message}</div>}
          />
        ))}
      <ApprovalsTable
        rows={queue.rows}
        loading={queue.loading}
        onOpenCase={onOpenCase}
        onDecide={chiefRep ? (row, decision) => setDeciding({ row, decision }) : undefined}
      />
      {deciding?.decision === "approve" && (
        <ApproveModal
          title={title(deciding.row, "approve")}
          intro={intro(deciding.row)}
          onClose={() => setDeciding(null)}
          onSubmit={decide(deciding.row)}
        />
      )}
      {deciding?.decision === "return_with_opinion" && (
        <ReturnModal
          title={title(deciding.row, "return_with_opinion")}
          intro={intro(deciding.row)}
          onClose={() => setDeciding(null)}
          onSubmit={decide(deciding.row)}
        />
      )}
    </div>
  );
}
