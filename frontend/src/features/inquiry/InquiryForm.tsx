// 首问登记: whoever is asked first logs who asked, what, about which item, and what came of
// it; a person sent elsewhere must be told where (去向), so that field is then required.
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row } from "antd";
import { useState } from "react";
import { api, toIpcError, type Inquiry, type InquiryOutcome, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { INQUIRY_OUTCOMES, outcomeLabel } from "../../lib/format/caseLabels";
import { errorTitleKey } from "../../lib/format/errors";
import { newActionKey } from "../../lib/form/actionKey";
import { clearEditedFieldErrors, clearFieldErrors, showFieldErrors } from "../../lib/form/fieldErrors";
import { ItemPicker } from "../catalog/ItemPicker";

type Values = {
  person?: string;
  question?: string;
  item_code?: string | null;
  outcome: InquiryOutcome;
  referred_to?: string;
};

const FIELDS = ["person", "question", "item_code", "outcome", "referred_to"];

type Props = {
  catalogVersion: string;
  onLogged: (entry: Inquiry) => void;
};

export function InquiryForm({ catalogVersion, onLogged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // One key per entry, reused when a failed submission is retried: a double click logs once.
  const [actionKey, setActionKey] = useState(newActionKey);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const outcome = Form.useWatch("outcome", form);

  const submit = async (v: Values) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const entry = await api.inquiryLog({
        action_key: actionKey,
        person: (v.person ?? "").trim(),
        question: (v.question ?? "").trim(),
        item_code: v.item_code ?? null,
        outcome: v.outcome,
        referred_to: v.outcome === "referred" ? (v.referred_to ?? "").trim() : null,
        case_id: null,
      });
      setActionKey(newActionKey());
      form.resetFields();
      clearFieldErrors(form, FIELDS);
      void message.success(t("inquiry.logged"));
      onLogged(entry);
    } catch (e) {
      const err = toIpcError("inquiry_log", e);
      if (err.code === "action_key_reused") setActionKey(newActionKey());
      const leftover = showFieldErrors(form, err.fields, FIELDS);
      if (err.fields.length === 0 || leftover.length > 0) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t("inquiry.formTitle")} data-testid="inquiry-form">
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="inquiry-error"
          message={t(errorTitleKey(failure.code))}
          description={failure.message}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ outcome: "answered" }}
        disabled={busy}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => clearEditedFieldErrors(form, changed)}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="person"
              label={t("inquiry.person")}
              rules={[{ required: true, whitespace: true, message: t("form.required") }]}
            >
              <Input data-testid="inquiry-person" placeholder={t("inquiry.personPlaceholder")} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="item_code" label={t("inquiry.item")}>
              <ItemPicker testId="inquiry-item" allowClear department={null} catalogVersion={catalogVersion} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="question"
          label={t("inquiry.question")}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input.TextArea data-testid="inquiry-question" rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="outcome" label={t("inquiry.outcome")}>
              <Radio.Group>
                {INQUIRY_OUTCOMES.map((o) => (
                  <Radio key={o} value={o}>
                    <span data-testid={`inquiry-outcome-${o}`}>{outcomeLabel(o, t)}</span>
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col span={12}>
            {outcome === "referred" && (
              <Form.Item
                name="referred_to"
                label={t("inquiry.referredTo")}
                rules={[{ required: true, whitespace: true, message: t("inquiry.referredToRequired") }]}
              >
                <Input data-testid="inquiry-referred-to" placeholder={t("inquiry.referredToPlaceholder")} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="inquiry-submit">
          {t("inquiry.submit")}
        </Button>
      </Form>
    </Card>
  );
}
