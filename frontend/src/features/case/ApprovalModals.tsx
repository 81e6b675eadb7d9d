// The chief representative's two decisions on a case awaiting approval (首席代表审批), as
// modals shared by the case page and the 审批 page: 审批同意 records the seal used (pre-filled
// 审批专用章) and an optional opinion; 退回 needs the opinion that sends the case back. Both
// show what is being decided (the pending request's subject).
import { Alert } from "antd";
import type { ReactNode } from "react";
import type { CaseCommand } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { ActionModal, type ModalField } from "./ActionModal";

/** The seal an approval is stamped with, offered pre-filled (the seal's name, not UI wording). */
export const APPROVAL_SEAL = "审批专用章";

type Props = {
  /** Defaults to the action's name (the 审批 page adds the case number). */
  title?: string;
  /** What is being decided (the pending request's subject), shown above the fields. */
  intro?: ReactNode;
  onSubmit: (command: CaseCommand, actionKey: string) => Promise<unknown>;
  onClose: () => void;
};

const APPROVE_FIELDS: readonly ModalField[] = [
  { name: "seal", label: "caseModal.seal" },
  { name: "opinion", label: "caseModal.opinion", multiline: true, optional: true },
];

const RETURN_FIELDS: readonly ModalField[] = [
  { name: "opinion", label: "caseModal.opinion", multiline: true },
];

/** An optional text: trimmed, and `null` when nothing was written. */
function optionalText(value: string | undefined): string | null {
  const text = value?.trim() ?? "";
  return text === "" ? null : text;
}

export function ApproveModal({ title, intro, onSubmit, onClose }: Props) {
  const t = useT();
  return (
    <ActionModal
      title={title ?? t("caseAction.approve")}
      intro={intro}
      fields={APPROVE_FIELDS}
      initialValues={{ seal: APPROVAL_SEAL }}
      okText={t("caseAction.approve")}
      onClose={onClose}
      onSubmit={(v, key) =>
        onSubmit({ type: "approve", seal: v.seal ?? "", opinion: optionalText(v.opinion) }, key)
      }
    />
  );
}

export function ReturnModal({ title, intro, onSubmit, onClose }: Props) {
  const t = useT();
  return (
    <ActionModal
      title={title ?? t("caseAction.returnWithOpinion")}
      intro={intro}
      fields={RETURN_FIELDS}
      okText={t("caseAction.returnWithOpinion")}
      onClose={onClose}
      onSubmit={(v, key) => onSubmit({ type: "return_with_opinion", opinion: v.opinion ?? "" }, key)}
    />
  );
}

/** The pending request's subject above a decision's fields. */
export function SubjectIntro({ text }: { text: string }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="approval-subject"
      message={t("approval.deciding", { subject: text })}
    />
  );
}
