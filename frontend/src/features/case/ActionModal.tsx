// A modal form for an action that needs words (reason, legal basis, procedure, seal, opinion,
// a fee's receipt) or a choice (the decision of 办结). Its action key is made
// when it opens and reused for every retry of this submission; a refusal is shown inside and
// the modal stays open. Fields are required unless marked optional, and may check their format
// before anything is sent; a field tied to choices is shown (and checked) only while they are made.
import { Alert, AutoComplete, Form, Input, Modal, Radio, Typography } from "antd";
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
  /** A password: typed hidden, never suggested or kept. */
  secret?: boolean;
  /** Suggestions the clerk can pick or overwrite. */
  suggestions?: readonly string[];
  /** May be left empty (its label says so). */
  optional?: boolean;
  /** A choice among these (radio buttons) instead of text; the value is the choice's. */
  choices?: readonly { value: string; label: MessageKey }[];
  /** Shown, and required, only while other fields hold these values (all of them). */
  shownWhen?: FieldCondition | readonly FieldCondition[];
  /** Shown under the field while it is shown. */
  extra?: MessageKey;
  /** Shown under the field, already in words (e.g. with a number in it). */
  extraText?: string;
  /** Checks a filled-in value before anything is sent: the problem in words, or `null`. */
  check?: (value: string) => string | null;
  /** The input's test id (its choices get `<testId>-<value>`); `modal-field-<name>` by default. */
  testId?: string;
};

/** Another field holding this value (or one of these values). */
export type FieldCondition = { field: string; value: string | readonly string[] };

function conditionsOf(f: ModalField): readonly FieldCondition[] {
  if (!f.shownWhen) return [];
  return "field" in f.shownWhen ? [f.shownWhen as FieldCondition] : (f.shownWhen as readonly FieldCondition[]);
}

/** Whether `f` is shown for these values. */
export function isShown(f: ModalField, value: (field: string) => unknown): boolean {
  return conditionsOf(f).every((c) => {
    const v = value(c.field);
    return typeof c.value === "string" ? v === c.value : c.value.some((x) => x === v);
  });
}

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
      const shown = fields.filter((f) => isShown(f, (name) => values[name]));
      showFieldErrors(form, err.fields, shown.map((f) => f.name));
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
          {fields.map((f) => {
            const when = conditionsOf(f);
            if (when.length === 0) return <FieldItem key={f.name} field={f} />;
            return (
              <Form.Item
                key={f.name}
                noStyle
                shouldUpdate={(prev, next) => when.some((c) => prev[c.field] !== next[c.field])}
              >
                {({ getFieldValue }) => (isShown(f, getFieldValue) ? <FieldItem field={f} /> : null)}
              </Form.Item>
            );
          })}
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("modal.recorded")}
        </Typography.Text>
      </div>
    </Modal>
  );
}

/** Runs a field's own check on a filled-in value (an empty one is the `required` rule's). */
function checked(check: (value: string) => string | null, v: unknown): Promise<void> {
  const text = typeof v === "string" ? v.trim() : "";
  if (text === "") return Promise.resolve();
  const problem = check(text);
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
}

function FieldItem({ field: f }: { field: ModalField }) {
  const t = useT();
  const check = f.check;
  const testId = f.testId ?? `modal-field-${f.name}`;
  return (
    <Form.Item
      name={f.name}
      label={f.optional ? `${t(f.label)}${t("modal.optional")}` : t(f.label)}
      extra={f.extraText ?? (f.extra ? t(f.extra) : undefined)}
      rules={[
        ...(f.optional ? [] : [{ required: true, whitespace: true, message: t("form.required") }]),
        ...(check ? [{ validator: (_: unknown, v: unknown) => checked(check, v) }] : []),
      ]}
    >
      {f.choices ? (
        <Radio.Group data-testid={testId}>
          {f.choices.map((c) => (
            <Radio key={c.value} value={c.value} data-testid={`${testId}-${c.value}`}>
              {t(c.label)}
            </Radio>
          ))}
        </Radio.Group>
      ) : f.suggestions ? (
        <AutoComplete data-testid={testId} options={f.suggestions.map((s) => ({ value: s }))} />
      ) : f.secret ? (
        <Input.Password data-testid={testId} autoComplete="current-password" />
      ) : f.multiline ? (
        <Input.TextArea data-testid={testId} rows={3} />
      ) : (
        <Input data-testid={testId} />
      )}
    </Form.Item>
  );
}
