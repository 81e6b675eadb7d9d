// The case's action buttons (only those `allowed` permits) and their modals. A plain button
// makes a fresh action key per press; a modal keeps one for its retries. The one-time notice
// refused by the one-time rule (一次性告知) opens the chief representative's override, which
// retries the same submission with the same key.
import { Alert, Button, Space } from "antd";
import { useState } from "react";
import type { CaseCommand, CaseDetail, IpcError } from "../../lib/ipc";
import { toIpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { newActionKey } from "../../lib/form/actionKey";
import { ActionModal, type ModalField } from "./ActionModal";
import { BUTTON_LABELS, caseButtons, isPrimary, type CaseButton } from "./caseButtons";
import type { CaseActor } from "./useCaseDetail";

/** Special procedures a clerk most often starts (行政许可法 Art. 45); any other can be typed. */
const PROCEDURES = ["现场核查", "专家评审", "听证", "检验检测", "检测鉴定"] as const;

/** The legal basis of special procedures, offered pre-filled (a legal text, not UI wording). */
const SUSPEND_BASIS = "《中华人民共和国行政许可法》第四十五条";

type ModalState =
  | { kind: "reject" }
  | { kind: "withdraw" }
  | { kind: "suspend" }
  | { kind: "override"; rule: string; actionKey: string };

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
  const buttons = caseButtons(detail.allowed, detail.case.item.kind);

  const press = async (button: CaseButton) => {
    const command = DIRECT[button];
    if (!command) {
      setModal({ kind: button as "reject" | "withdraw" | "suspend" });
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

  const submitModal = (command: (v: Record<string, string>) => CaseCommand) =>
    async (values: Record<string, string>, key: string) => {
      await act(command(values), key);
      onError(null);
    };

  const fields: Record<ModalState["kind"], readonly ModalField[]> = {
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
            type={isPrimary(b, detail.case.item.kind) ? "primary" : "default"}
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
