// 收件登记: choose the item (within this window's department), tick the situations, enter the
// applicant (and agent), submit. The action key is made when the form opens and reused for
// every retry of this submission, so a double click or a retry after a failure can never
// open two cases; a fresh key follows a success.
import { Alert, App, Button, Card, Form, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { newActionKey } from "../../lib/form/actionKey";
import { clearEditedFieldErrors, clearFieldErrors, showFieldErrors } from "../../lib/form/fieldErrors";
import { ItemPicker } from "../catalog/ItemPicker";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { useWorkstation } from "../workstation/context";
import { ApplicantFields } from "./ApplicantFields";
import { AGENT_SITUATION, SituationsField, useItemSituations } from "./SituationsField";
import { EMPTY_INTAKE, toIntakeRequest, visibleFields, type IntakeValues } from "./intakeRequest";

type Props = {
  catalogVersion: string;
  onCreated: (caseId: string) => void;
  onGoSettings: () => void;
};

export function IntakePage({ catalogVersion, onCreated, onGoSettings }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const { info } = useWorkstation();
  const [form] = Form.useForm<IntakeValues>();
  const [actionKey, setActionKey] = useState(newActionKey);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const itemCode = Form.useWatch("item_code", form);
  const type = Form.useWatch("applicant_type", form) ?? "person";
  const withAgent = Form.useWatch("with_agent", form) ?? false;
  const situations = useItemSituations(itemCode);
  const hasAgentSituation = situations.some((s) => s.code === AGENT_SITUATION);

  // A newly chosen item with an agent situation: an agent already switched on ticks it.
  useEffect(() => {
    if (hasAgentSituation && form.getFieldValue("with_agent") === true) {
      const ticked: string[] = form.getFieldValue("situations") ?? [];
      if (!ticked.includes(AGENT_SITUATION)) {
        form.setFieldValue("situations", [...ticked, AGENT_SITUATION]);
      }
    }
  }, [hasAgentSituation, itemCode, form]);

  const profile = info?.profile ?? null;
  if (info !== undefined && profile === null) {
    return (
      <div data-testid="intake-page">
        <NotConfiguredAlert onGoSettings={onGoSettings} />
      </div>
    );
  }

  /** The 代理人办理 switch and the 委托代理人办理 situation go together. */
  const syncAgent = (changed: Partial<IntakeValues>) => {
    if ("with_agent" in changed && hasAgentSituation) {
      const ticked: string[] = form.getFieldValue("situations") ?? [];
      const others = ticked.filter((c) => c !== AGENT_SITUATION);
      form.setFieldValue("situations", changed.with_agent ? [...others, AGENT_SITUATION] : others);
    }
    if ("situations" in changed && hasAgentSituation) {
      const agentTicked = (changed.situations ?? []).includes(AGENT_SITUATION);
      if (agentTicked !== (form.getFieldValue("with_agent") === true)) {
        form.setFieldValue("with_agent", agentTicked);
      }
    }
  };

  const submit = async (values: IntakeValues) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const detail = await api.caseIntake(toIntakeRequest(values, actionKey));
      setActionKey(newActionKey());
      clearFieldErrors(form, visibleFields(type, withAgent));
      void message.success(t("intake.created", { caseNo: detail.case.case_no }));
      onCreated(detail.case.id);
    } catch (e) {
      const err = toIpcError("case_intake", e);
      // The key already stands for a different, committed submission: this one needs its own.
      if (err.code === "action_key_reused") setActionKey(newActionKey());
      const leftover = showFieldErrors(form, err.fields, visibleFields(type, withAgent));
      // On a field error the message sits on its field and nothing else happens; anything
      // a field cannot show goes in the alert.
      if (err.fields.length === 0 || leftover.length > 0) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="intake-page" style={{ maxWidth: 960 }}>
      <Typography.Title level={3}>{t("intake.title")}</Typography.Title>
      {failure &&
        (failure.code === "workstation_not_configured" ? (
          <NotConfiguredAlert onGoSettings={onGoSettings} />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="intake-error"
            message={t(errorTitleKey(failure.code))}
            description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
          />
        ))}
      <Card size="small">
        <Form<IntakeValues>
          form={form}
          layout="vertical"
          initialValues={EMPTY_INTAKE}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed: Partial<IntakeValues>) => {
            clearEditedFieldErrors(form, changed);
            // Situations belong to one item: a new item starts with none ticked.
            if ("item_code" in changed) form.setFieldValue("situations", []);
            syncAgent(changed);
          }}
        >
          <Form.Item
            name="item_code"
            label={t("intake.item")}
            data-testid="intake-field-item_code"
            rules={[{ required: true, message: t("intake.itemRequired") }]}
          >
            <ItemPicker
              testId="intake-item"
              department={profile?.department_code ?? null}
              catalogVersion={catalogVersion}
            />
          </Form.Item>
          <SituationsField itemCode={itemCode} situations={situations} />
          <ApplicantFields type={type} withAgent={withAgent} />
          <Space>
            <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="intake-submit">
              {t("intake.submit")}
            </Button>
            <Typography.Text type="secondary">{t("intake.keyHint")}</Typography.Text>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
