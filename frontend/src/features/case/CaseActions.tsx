// The case's action buttons (only those `allowed` permits) and their modals. A plain button
// makes a fresh action key per press; a modal keeps one for its retries. The one-time notice
// refused by the one-time rule (一次性告知) opens the chief representative's override, which
// retries the same submission with the same key. 审批同意 and 退回 are shown to the chief
// representative (首席代表) only; 办结 asks for the decision, and a denial for its reason and
// legal basis; 出件 asks how the result reached the applicant (collected at the window, by
// whom, or posted, with the tracking number).
import { Alert, Button, Space } from "antd";
import { useState } from "react";
import type { CaseCommand, CaseDetail, IpcError } from "../../lib/ipc";
import { toIpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { newActionKey } from "../../lib/form/actionKey";
import { useSession } from "../session/context";
import { isChiefRep } from "../session/roles";
import { ActionModal, type ModalField } from "./ActionModal";
import { ApproveModal, ReturnModal } from "./ApprovalModals";
import { BUTTON_LABELS, caseButtons, isPrimary, resultDue, type CaseButton } from "./caseButtons";
import type { CaseActor } from "./useCaseDetail";

/** Special procedures a clerk most often starts (行政许可法 Art. 45); any other can be typed. */
const PROCEDURES = ["现场核查", "专家评审", "听证", "检验检测", "检测鉴定"] as const;

/** The legal basis of special procedures, offered pre-filled (a legal text, not UI wording). */
const SUSPEND_BASIS = "《中华人民共和国行政许可法》第四十五条";

/** Buttons that open a modal for their words (every other one acts at once). */
type ModalButton =
  | "reject"
  | "withdraw"
  | "suspend"
  | "request_approval"
  | "approve"
  | "return_with_opinion"
  | "complete"
  | "issue_result";

type ModalState = { kind: ModalButton } | { kind: "override"; rule: string; actionKey: string };

type FieldsKind = Exclude<ModalState["kind"], "approve" | "return_with_opinion">;

/** The decision of 办结 (行政许可法 Art. 38): granted, or denied with reason and legal basis. */
const DECISION_FIELD: ModalField = {
  name: "decision",
  label: "caseModal.decision",
  choices: [
    { value: "granted", label: "caseModal.granted" },
    { value: "denied", label: "caseModal.denied" },
  ],
};
const WHEN_DENIED = { field: "decision", value: "denied" } as const;

/** How the result is handed over (出件): collected at the window, or posted. */
const DELIVERY_FIELD: ModalField = {
  name: "delivery",
  label: "caseModal.delivery",
  choices: [
    { value: "counter", label: "caseModal.counter" },
    { value: "post", label: "caseModal.post" },
  ],
};

type Props = {
  detail: CaseDetail;
  act: CaseActor;
  /** The last refusal (shown above the buttons); `null` clears it. */
  onError: (error: IpcError | null) => void;
  /** Runs before an action that reads the checklist (saves unsaved ticks first). */
  beforeAct?: () => Promise<void>;
};

/** Actions that read the checklist: unsaved ticks are saved before them. */
const READS_CHECKLIST: ReadonlySet<CaseButton> = new Set([
  "issue_correction",
  "accept",
  "complete_on_the_spot",
]);

const TEST_IDS: Record<CaseButton, string> = {
  issue_correction: "act-issue-correction",
  correction_received: "act-correction-received",
  accept: "act-accept",
  complete_on_the_spot: "act-complete-on-the-spot",
  reject: "act-reject",
  withdraw: "act-withdraw",
  suspend: "act-suspend",
  resume: "act-resume",
  request_approval: "act-request-approval",
  approve: "act-approve",
  return_with_opinion: "act-return",
  complete: "act-complete",
  issue_result: "act-issue-result",
};

const DIRECT: Partial<Record<CaseButton, CaseCommand>> = {
  issue_correction: { type: "issue_correction_notice", chief_rep_override: null },
  correction_received: { type: "correction_received" },
  accept: { type: "accept" },
  complete_on_the_spot: { type: "complete_on_the_spot" },
  resume: { type: "resume" },
};

export function CaseActions({ detail, act, onError, beforeAct }: Props) {
  const t = useT();
  const [busy, setBusy] = useState<CaseButton | null>(null);
  const [modal, setModal] = useState<ModalState | null>(null);
  const { user } = useSession();
  const buttons = caseButtons(detail.allowed, detail.case.item.kind, {
    chiefRep: isChiefRep(user),
    resultDue: resultDue(detail.case),
  });

  const press = async (button: CaseButton) => {
    const command = DIRECT[button];
    if (!command) {
      setModal({ kind: button as ModalButton });
      return;
    }
    if (busy) return;
    const key = newActionKey();
    setBusy(button);
    onError(null);
    try {
      if (beforeAct && READS_CHECKLIST.has(button)) await beforeAct();
      await act(command, key);
    } catch (e) {
      const err = toIpcError("case_act", e);
      if (err.code === "one_time_rule") {
        setModal({ kind: "override", rule: err.message, actionKey: key });
      }
      onError(err);
    } finally {
      setBusy(null);
    }
  };

  const submitCommand = async (command: CaseCommand, key: string) => {
    await act(command, key);
    onError(null);
  };

  const submitModal = (command: (v: Record<string, string>) => CaseCommand) =>
    (values: Record<string, string>, key: string) => submitCommand(command(values), key);

  const fields: Record<FieldsKind, readonly ModalField[]> = {
    reject: [
      { name: "reason", label: "caseModal.reason", multiline: true },
      { name: "legal_basis", label: "caseModal.legalBasis" },
    ],
    withdraw: [{ name: "reason", label: "caseModal.reason", multiline: true }],
    suspend: [
      { name: "procedure", label: "caseModal.procedure", suggestions: PROCEDURES },
      { name: "reason", label: "caseModal.reason", multiline: true },
      { name: "legal_basis", label: "caseModal.legalBasis" },
    ],
    override: [
      { name: "chief_rep", label: "caseModal.chiefRep" },
      { name: "reason", label: "caseModal.overrideReason", multiline: true },
    ],
    request_approval: [{ name: "note", label: "caseModal.note", multiline: true, optional: true }],
    complete: [
      DECISION_FIELD,
      {
        name: "reason",
        label: "caseModal.reason",
        multiline: true,
        shownWhen: WHEN_DENIED,
        extra: "caseModal.deniedHint",
      },
      { name: "legal_basis", label: "caseModal.legalBasis", shownWhen: WHEN_DENIED },
    ],
    issue_result: [
      DELIVERY_FIELD,
      { name: "collected_by", label: "caseModal.collectedBy", shownWhen: { field: "delivery", value: "counter" } },
      { name: "tracking_no", label: "caseModal.trackingNo", shownWhen: { field: "delivery", value: "post" } },
    ],
  };

  if (buttons.length === 0) {
    return <div data-testid="case-actions" />;
  }

  return (
    <div data-testid="case-actions">
      <Space wrap>
        {buttons.map((b) => (
          <Button
            key={b}
            type={isPrimary(b, detail.case.item.kind, buttons) ? "primary" : "default"}
            danger={b === "reject" || b === "withdraw"}
            loading={busy === b}
            disabled={busy !== null && busy !== b}
            data-testid={TEST_IDS[b]}
            onClick={() => void press(b)}
          >
            {t(BUTTON_LABELS[b])}
          </Button>
        ))}
      </Space>
      {modal?.kind === "reject" && (
        <ActionModal
          title={t("caseAction.reject")}
          fields={fields.reject}
          danger
          onClose={() => setModal(null)}
          onSubmit={submitModal((v) => ({
            type: "reject",
            reason: v.reason ?? "",
            legal_basis: v.legal_basis ?? "",
          }))}
        />
      )}
      {modal?.kind === "withdraw" && (
        <ActionModal
          title={t("caseAction.withdraw")}
          fields={fields.withdraw}
          danger
          onClose={() => setModal(null)}
          onSubmit={submitModal((v) => ({ type: "withdraw", reason: v.reason ?? "" }))}
        />
      )}
      {modal?.kind === "suspend" && (
        <ActionModal
          title={t("caseAction.suspend")}
          fields={fields.suspend}
          initialValues={{ legal_basis: SUSPEND_BASIS }}
          onClose={() => setModal(null)}
          onSubmit={submitModal((v) => ({
            type: "suspend",
            procedure: v.procedure ?? "",
            reason: v.reason ?? "",
            legal_basis: v.legal_basis ?? "",
          }))}
        />
      )}
      {modal?.kind === "request_approval" && (
        <ActionModal
          title={t("caseAction.requestApproval")}
          fields={fields.request_approval}
          okText={t("caseAction.requestApproval")}
          onClose={() => setModal(null)}
          onSubmit={submitModal((v) => ({ type: "request_approval", note: v.note?.trim() ?? "" }))}
        />
      )}
      {modal?.kind === "approve" && (
        <ApproveModal onClose={() => setModal(null)} onSubmit={submitCommand} />
      )}
      {modal?.kind === "return_with_opinion" && (
        <ReturnModal onClose={() => setModal(null)} onSubmit={submitCommand} />
      )}
      {modal?.kind === "complete" && (
        <ActionModal
          title={t("caseAction.complete")}
          fields={fields.complete}
          initialValues={{ decision: "granted" }}
          okText={t("caseAction.complete")}
          onClose={() => setModal(null)}
          onSubmit={submitModal((v) => ({
            type: "complete",
            decision:
              v.decision === "denied"
                ? { type: "denied", reason: v.reason ?? "", legal_basis: v.legal_basis ?? "" }
                : { type: "granted" },
          }))}
        />
      )}
      {modal?.kind === "issue_result" && (
        <ActionModal
          title={t("caseAction.issueResult")}
          fields={fields.issue_result}
          initialValues={{ delivery: "counter" }}
          okText={t("caseAction.issueResult")}
          onClose={() => setModal(null)}
          onSubmit={submitModal((v) => ({
            type: "issue_result",
            delivery:
              v.delivery === "post"
                ? { type: "post", tracking_no: v.tracking_no?.trim() ?? "" }
                : { type: "counter", collected_by: v.collected_by?.trim() ?? "" },
          }))}
        />
      )}
      {modal?.kind === "override" && (
        <ActionModal
          title={t("caseModal.overrideTitle")}
          fields={fields.override}
          actionKey={modal.actionKey}
          okText={t("caseModal.overrideOk")}
          intro={
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="override-rule"
              message={modal.rule}
            />
          }
          onClose={() => setModal(null)}
          onSubmit={submitModal((v) => ({
            type: "issue_correction_notice",
            chief_rep_override: { chief_rep: v.chief_rep ?? "", reason: v.reason ?? "" },
          }))}
        />
      )}
    </div>
  );
}
