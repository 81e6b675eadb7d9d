// A modal form for an action that needs words (reason, legal basis, procedure, chief
// representative). Its action key is made when it opens and reused for every retry of this
// submission; a refusal is shown inside and the modal stays open.
import { Alert, AutoComplete, Form, Input, Modal, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { toIpcError, type IpcError } from "../../lib/ipc";
import { useT, type MessageKey } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { newActionKey } from "../../lib/form/actionKey";
import { clearEditedFieldErrors, showFieldErrors } from "../../lib/form/fieldErrors";

export type ModalField = {
  name: string;
  label: MessageKey;
  multiline?: boolean;
  /** Suggestions the clerk can pick or overwrite. */
  suggestions?: readonly string[];
};

type Props = {
  title: string;
  fields: readonly ModalField[];
  /** Shown above the fields (e.g. the rule that was hit). */
  intro?: ReactNode;
  /** Reuse a key already made for this submission (e.g. the press that hit the rule). */
  actionKey?: string;
  okText?: string;
  danger?: boolean;
  /** Values the fields start with (e.g. the reason being corrected). */
  initialValues?: Record<string, string>;
  onSubmit: (values: Record<string, string>, actionKey: string) => Promise<unknown>;
  onClose: () => void;
};

export function ActionModal({
  title,
  fields,
  intro,
  actionKey,
  okText,
  danger,
  initialValues,
  onSubmit,
  onClose,
}: Props) {
  const t = useT();
  const [form] = Form.useForm<Record<string, string>>();
  const [key, setKey] = useState(() => actionKey ?? newActionKey());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values, key);
      onClose();
    } catch (e) {
      const err = toIpcError("case_act", e);
      // The key already stands for a different, committed submission: this one needs its own.
      if (err.code === "action_key_reused") setKey(newActionKey());
      // Messages about a field sit on it (earlier ones cleared); the alert says the rest.
      showFieldErrors(form, err.fields, fields.map((f) => f.name));
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t("modal.ok")}
      cancelText={t("modal.cancel")}
      confirmLoading={busy}
      okButtonProps={{ danger, ...({ "data-testid": "modal-ok" } as object) }}
      cancelButtonProps={{ ...({ "data-testid": "modal-cancel" } as object) }}
      maskClosable={false}
    >
      <div data-testid="action-modal">
        {intro}
        {failure && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="modal-error"
            message={t(errorTitleKey(failure.code))}
            description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
          />
        )}
        <Form form={form} layout="vertical" disabled={busy} initialValues={initialValues}
          onValuesChange={(changed) => clearEditedFieldErrors(form, changed)}
        >
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(f.label)}
              rules={[{ required: true, whitespace: true, message: t("form.required") }]}
            >
              {f.suggestions ? (
                <AutoComplete
                  data-testid={`modal-field-${f.name}`}
                  options={f.suggestions.map((s) => ({ value: s }))}
                />
              ) : f.multiline ? (
                <Input.TextArea data-testid={`modal-field-${f.name}`} rows={3} />
              ) : (
                <Input data-testid={`modal-field-${f.name}`} />
              )}
            </Form.Item>
          ))}
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("modal.recorded")}
        </Typography.Text>
      </div>
    </Modal>
  );
}
