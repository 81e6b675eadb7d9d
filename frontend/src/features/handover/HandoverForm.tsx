// 交接 at A's window, both clerks present (DOMAIN.md rule 5): the receiving colleague (B) and
// B's own password typed by B, the reason (请假 / 会议 / 下班 / 其他, with words) and, if known,
// when A expects to be back; below, the sheet of every case A answers for, which is handed
// over in one go. On success the window is B's (the session passes to B).
// The expected return is a native datetime-local input, not antd's picker: its dayjs cannot
// start under Tauri's freezePrototype.
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError, type HandoverInfo, type HandoverOverview, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { SheetTable } from "./SheetTable";

/** The reasons offered; the value is what the handover sheet records (a Chinese record). */
const REASONS = [
  { id: "leave", value: "请假", label: "handover.reason.leave" },
  { id: "meeting", value: "会议", label: "handover.reason.meeting" },
  { id: "end_of_shift", value: "下班", label: "handover.reason.endOfShift" },
  { id: "other", value: "其他", label: "handover.reason.other" },
] as const;

type Values = {
  to: string;
  password: string;
  reason_kind: (typeof REASONS)[number]["value"];
  reason_text?: string;
  expected_return?: string;
};

/** 请假 / 请假：下午去医院 / (其他) the words alone. */
export function reasonOf(kind: string, text: string | undefined): string {
  const words = text?.trim() ?? "";
  if (kind === "其他") return words;
  return words ? `${kind}：${words}` : kind;
}

/** `2026-03-02T14:30` (datetime-local) → `2026-03-02 14:30`; empty → `null`. */
export function expectedReturnOf(value: string | undefined): string | null {
  const v = value?.trim() ?? "";
  return v === "" ? null : v.replace("T", " ");
}

type Props = {
  overview: HandoverOverview;
  onStarted: (info: HandoverInfo) => Promise<void>;
  onOpenCase: (caseId: string) => void;
};

export function HandoverForm({ overview, onStarted, onOpenCase }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const submit = async (v: Values) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const info = await api.handoverStart({
        to_username: v.to,
        to_password: v.password,
        reason: reasonOf(v.reason_kind, v.reason_text),
        expected_return: expectedReturnOf(v.expected_return),
      });
      form.resetFields();
      await onStarted(info);
    } catch (e) {
      setFailure(toIpcError("handover_start", e));
      // The password is typed again for another try.
      form.setFieldValue("password", "");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t("handover.startTitle")} data-testid="handover-form">
      <Typography.Paragraph type="secondary">{t("handover.startHint")}</Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="handover-error"
          message={t(errorTitleKey(failure.code))}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
        />
      )}
      {overview.colleagues.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="handover-no-colleague" message={t("handover.noColleague")} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={busy}
        initialValues={{ reason_kind: "请假" }}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="to" label={t("handover.to")} rules={[{ required: true, message: t("handover.toRequired") }]}>
          <Select<string>
            data-testid="handover-to"
            placeholder={t("handover.toPlaceholder")}
            options={overview.colleagues.map((c) => ({ value: c.username, label: `${c.name}（${c.username}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("handover.toPassword")}
          extra={t("handover.toPasswordHint")}
          rules={[{ required: true, message: t("session.passwordRequired") }]}
        >
          <Input.Password data-testid="handover-password" autoComplete="off" />
        </Form.Item>
        <Form.Item name="reason_kind" label={t("handover.reason")} rules={[{ required: true, message: t("form.required") }]}>
          <Radio.Group data-testid="handover-reason" optionType="button">
            {REASONS.map((r) => (
              <Radio key={r.value} value={r.value} data-testid={`handover-reason-${r.id}`}>
                {t(r.label)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.reason_kind !== b.reason_kind}>
          {({ getFieldValue }) => {
            const other = getFieldValue("reason_kind") === "其他";
            return (
              <Form.Item
                name="reason_text"
                label={other ? t("handover.reasonText") : `${t("handover.reasonText")}${t("modal.optional")}`}
                rules={other ? [{ required: true, whitespace: true, message: t("form.required") }] : []}
              >
                <Input data-testid="handover-reason-text" />
              </Form.Item>
            );
          }}
        </Form.Item>
        <Form.Item name="expected_return" label={`${t("handover.expectedReturn")}${t("modal.optional")}`}>
          <Input type="datetime-local" data-testid="handover-expected-return" style={{ width: 240 }} />
        </Form.Item>
        <Typography.Title level={5}>{t("handover.sheetPreview", { count: overview.open_cases.length })}</Typography.Title>
        <SheetTable lines={overview.open_cases} testId="handover-open-cases" onOpenCase={onOpenCase} />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="handover-submit">
            {t("handover.submit")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
