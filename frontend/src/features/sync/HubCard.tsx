// 设置 → 连接县级中心. Not enrolled: the hub address, the one-time token county IT printed for
// this window and, under 高级, the county's own CA certificate; a refusal is titled by its code
// with the hub's own message. Enrolled: where this PC is enrolled; the county decides its
// department, window and center. Enrolling brings the login screen.
import { Alert, App, Button, Card, Collapse, Descriptions, Form, Input, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError, type EnrollRequest, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { clearEditedFieldErrors, showFieldErrors } from "../../lib/form/fieldErrors";
import { useSession } from "../session/context";
import { useWorkstation } from "../workstation/context";
import { useSync } from "./context";

const FIELDS = ["hub_address", "token", "ca_pem"];
const HUB_PLACEHOLDER = "https://hub.example.gov.cn:8443";

type Values = { hub_address: string; token: string; ca_pem?: string };

export function HubCard() {
  const t = useT();
  const { enrolled } = useSession();
  return (
    <Card title={t("hub.title")} size="small" data-testid="settings-hub">
      {enrolled ? <Enrolled /> : <EnrollForm />}
    </Card>
  );
}

function Enrolled() {
  const t = useT();
  const { status } = useSync();
  return (
    <div data-testid="hub-enrolled">
      <Typography.Paragraph>
        <Typography.Text type="success">{t("hub.enrolled")}</Typography.Text>
      </Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("hub.address")}>
          <Typography.Text code data-testid="hub-enrolled-address">
            {status?.hub_address ?? ""}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("hub.workstationId")}>
          <Typography.Text code data-testid="hub-enrolled-id">
            {status?.workstation_id ?? ""}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("hub.countyDecides")}
      </Typography.Paragraph>
    </div>
  );
}

function EnrollForm() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const workstation = useWorkstation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const enroll = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    const req: EnrollRequest = {
      hub_address: values.hub_address.trim(),
      token: values.token.trim(),
      ca_pem: values.ca_pem?.trim() ? values.ca_pem : null,
    };
    try {
      await api.syncEnroll(req);
      void message.success(t("hub.enrolledSuccess"));
      // The county set this window's department and window; then nobody is logged in yet.
      await workstation.refresh();
      await session.refresh();
    } catch (e) {
      const err = toIpcError("sync_enroll", e);
      showFieldErrors(form, err.fields, FIELDS);
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t("hub.hint")}</Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="hub-error"
          message={t(errorTitleKey(failure.code))}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={busy}
        onFinish={(v) => void enroll(v)}
        onValuesChange={(changed) => clearEditedFieldErrors(form, changed)}
      >
        <Form.Item
          name="hub_address"
          label={t("hub.address")}
          rules={[{ required: true, whitespace: true, message: t("hub.addressRequired") }]}
        >
          <Input placeholder={HUB_PLACEHOLDER} autoComplete="off" data-testid="hub-address" />
        </Form.Item>
        <Form.Item
          name="token"
          label={t("hub.token")}
          rules={[{ required: true, whitespace: true, message: t("hub.tokenRequired") }]}
        >
          <Input autoComplete="off" data-testid="hub-token" />
        </Form.Item>
        <Collapse
          ghost
          size="small"
          style={{ marginBottom: 12 }}
          items={[
            {
              key: "advanced",
              label: <span data-testid="hub-advanced">{t("hub.advanced")}</span>,
              forceRender: true,
              children: (
                <Form.Item name="ca_pem" label={t("hub.caPem")} extra={t("hub.caPemHint")}>
                  <Input.TextArea
                    rows={6}
                    placeholder="-----BEGIN CERTIFICATE-----"
                    style={{ fontFamily: "monospace" }}
                    data-testid="hub-ca-pem"
                  />
                </Form.Item>
              ),
            },
          ]}
        />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="hub-enroll">
          {t("hub.enroll")}
        </Button>
      </Form>
    </>
  );
}
