// The clerk's requests to the chief representative (提请首席代表审批): for an accepted case, the
// decision of a catalog-flagged item (准予 / 不予许可 with reason and legal basis), which the
// chief representative approves and 办结 then uses, or an extension of the time limit (1 to 10
// working days, 15 when the statutory limit is over 20); under review, after the one-time rule
// refused a notice, permission to ask for materials the first notice did not name.
import { Alert, Typography } from "antd";
import type { CaseCommand } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { ActionModal, type ModalField } from "./ActionModal";
import { maxExtensionDays, type RequestKind } from "./approvalSubject";
import { DECISION_FIELD, decisionOf, denialFields } from "./caseActionFields";

type Submit = (command: CaseCommand, actionKey: string) => Promise<unknown>;

const SUBJECT_LABELS = {
  decision: "caseModal.subjectDecision",
  extension: "caseModal.subjectExtension",
} as const;

const NOTE_FIELD: ModalField = { name: "note", label: "caseModal.note", multiline: true, optional: true };

type Props = {
  /** What may be asked for (at least one). */
  kinds: readonly RequestKind[];
  statutoryDays: number;
  onSubmit: Submit;
  onClose: () => void;
};

export function RequestApprovalModal({ kinds, statutoryDays, onSubmit, onClose }: Props) {
  const t = useT();
  const max = maxExtensionDays(statutoryDays);
  const decision = { field: "subject", value: "decision" } as const;
  const extension = { field: "subject", value: "extension" } as const;
  const fields: ModalField[] = [
    {
      name: "subject",
      label: "caseModal.subject",
      choices: kinds.map((k) => ({ value: k, label: SUBJECT_LABELS[k] })),
    },
    { ...DECISION_FIELD, shownWhen: decision },
    ...denialFields([decision]),
    {
      name: "days",
      label: "caseModal.extensionDays",
      shownWhen: extension,
      extraText: t("caseModal.extensionMax", { max }),
      check: (v) => {
        const n = /^\d+$/.test(v) ? Number.parseInt(v, 10) : NaN;
        return n >= 1 && n <= max ? null : t("caseModal.extensionDaysInvalid", { max });
      },
    },
    { name: "extension_reason", label: "caseModal.extensionReason", multiline: true, shownWhen: extension },
    NOTE_FIELD,
  ];
  return (
    <ActionModal
      title={t("caseAction.requestApproval")}
      fields={fields}
      initialValues={{ subject: kinds[0] ?? "decision", decision: "granted" }}
      okText={t("caseAction.requestApproval")}
      onClose={onClose}
      onSubmit={(v, key) =>
        onSubmit(
          {
            type: "request_approval",
            subject:
              v.subject === "extension"
                ? {
                    type: "extension",
                    days: Number.parseInt(v.days ?? "0", 10),
                    reason: v.extension_reason?.trim() ?? "",
                  }
                : { type: "decision", decision: decisionOf(v) },
            note: v.note?.trim() ?? "",
          },
          key,
        )
      }
    />
  );
}

/** 报首席代表审批（增加材料）: the rule that was hit, and the new facts that justify asking more. */
export function OverrideRequestModal({
  rule,
  onSubmit,
  onClose,
}: {
  rule: string;
  onSubmit: Submit;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <ActionModal
      title={t("caseAction.requestOverride")}
      fields={[{ name: "reason", label: "caseModal.overrideReason", multiline: true }, NOTE_FIELD]}
      okText={t("caseAction.requestOverride")}
      intro={
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="override-rule"
            message={rule}
          />
          <Typography.Paragraph type="secondary">{t("caseModal.overrideHint")}</Typography.Paragraph>
        </>
      }
      onClose={onClose}
      onSubmit={(v, key) =>
        onSubmit(
          {
            type: "request_approval",
            // The rule fills in the new materials as the checklist stands when asked.
            subject: { type: "notice_override", reason: v.reason?.trim() ?? "", materials: [] },
            note: v.note?.trim() ?? "",
          },
          key,
        )
      }
    />
  );
}
