// The chief representative's two decisions on a case awaiting approval (首席代表审批), as
// modals shared by the case page and the 审批 page: 审批同意 records the seal used (pre-filled
// 审批专用章) and an optional opinion; 退回 needs the opinion that sends the case back.
import type { CaseCommand } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { ActionModal, type ModalField } from "./ActionModal";

/** The seal an approval is stamped with, offered pre-filled (the seal's name, not UI wording). */
export const APPROVAL_SEAL = "审批专用章";

type Props = {
  /** Defaults to the action's name (the 审批 page adds the case number). */
  title?: string;
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

export function ApproveModal({ title, onSubmit, onClose }: Props) {
  const t = useT();
  return (
    <ActionModal
      title={title ?? t("caseAction.approve")}
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

export function ReturnModal({ title, onSubmit, onClose }: Props) {
  const t = useT();
  return (
    <ActionModal
      title={title ?? t("caseAction.returnWithOpinion")}
      fields={RETURN_FIELDS}
      okText={t("caseAction.returnWithOpinion")}
      onClose={onClose}
      onSubmit={(v, key) => onSubmit({ type: "return_with_opinion", opinion: v.opinion ?? "" }, key)}
    />
  );
}
