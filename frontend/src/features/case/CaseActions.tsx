// The case's action buttons (only those `allowed` permits) and their modals. A plain button
// makes a fresh action key per press; a modal keeps one for its retries. 审批同意 and 退回 are
// shown to the chief representative (首席代表) only. 提请首席代表审批 asks for what the case
// can have approved (a flagged item's decision, an extension); under review it is offered only
// once the one-time rule (一次性告知) refused a notice, as 报首席代表审批（增加材料）: the
// chief representative approves it like any other request, and the next notice uses it.
import { Button, Space } from "antd";
import { useState } from "react";
import type { CaseCommand, CaseDetail, IpcError } from "../../lib/ipc";
import { toIpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { newActionKey } from "../../lib/form/actionKey";
import { useSession } from "../session/context";
import { isChiefRep } from "../session/roles";
import { requestKinds } from "./approvalSubject";
import { CaseActionModal, type ModalButton } from "./CaseActionModals";
import {
  BUTTON_LABELS,
  caseButtons,
  isPrimary,
  resultDue,
  type ApprovalRequestOffer,
  type CaseButton,
} from "./caseButtons";
import type { CaseActor } from "./useCaseDetail";

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
  request_override: "act-request-override",
  approve: "act-approve",
  return_with_opinion: "act-return",
  complete: "act-complete",
  issue_result: "act-issue-result",
};

const DIRECT: Partial<Record<CaseButton, CaseCommand>> = {
  issue_correction: { type: "issue_correction_notice" },
  correction_received: { type: "correction_received" },
  accept: { type: "accept" },
  complete_on_the_spot: { type: "complete_on_the_spot" },
  resume: { type: "resume" },
};

export function CaseActions({ detail, act, onError, beforeAct }: Props) {
  const t = useT();
  const [busy, setBusy] = useState<CaseButton | null>(null);
  const [modal, setModal] = useState<ModalButton | null>(null);
  /** The one-time rule's words since it refused a notice here (offers the override request). */
  const [overrideRule, setOverrideRule] = useState<string | null>(null);
  const { user } = useSession();
  const c = detail.case;
  const offer: ApprovalRequestOffer =
    c.state === "reviewing"
      ? overrideRule !== null && c.granted_override === null
        ? "override"
        : "none"
      : requestKinds(c).length > 0
        ? "approval"
        : "none";
  const buttons = caseButtons(detail.allowed, c.item.kind, {
    chiefRep: isChiefRep(user),
    resultDue: resultDue(c),
    approvalRequest: offer,
  });

  const press = async (button: CaseButton) => {
    const command = DIRECT[button];
    if (!command) {
      setModal(button as ModalButton);
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
      if (err.code === "one_time_rule") setOverrideRule(err.message);
      onError(err);
    } finally {
      setBusy(null);
    }
  };

  const submitCommand = async (command: CaseCommand, key: string) => {
    await act(command, key);
    onError(null);
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
            type={isPrimary(b, c.item.kind, buttons) ? "primary" : "default"}
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
      {modal && (
        <CaseActionModal
          kind={modal}
          detail={detail}
          overrideRule={overrideRule}
          onSubmit={submitCommand}
          onClose={() => setModal(null)}
        />
      )}
    </div>
  );
}
