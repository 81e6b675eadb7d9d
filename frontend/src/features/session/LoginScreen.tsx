// 登录: a centered card with user name and password; Enter submits. A refused login shows the
// backend's own message under the form (wrong password, locked for a minute, …).
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { toIpcError, type IpcError, type LoginRequest } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { useProfile } from "../workstation/context";
import { useSession } from "./context";

/** Codes whose message says it all (no title needed above it). */
const PLAIN = new Set(["login_failed", "login_locked"]);

export function LoginScreen() {
  const t = useT();
  const { login } = useSession();
  const profile = useProfile();
  const [form] = Form.useForm<LoginRequest>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const submit = async (values: LoginRequest) => {
    setBusy(true);
    setFailure(null);
    try {
      await login({ username: values.username.trim(), password: values.password });
    } catch (e) {
      setFailure(toIpcError("session_login", e));
      form.setFieldValue("password", "");
    } finally {
      setBusy(false);
    }
  };

  const place = profile
    ? [profile.window_name || profile.window_code, profile.center_name].filter(Boolean).join(" · ")
    : "";

  return (
    <div
      data-testid="login-screen"
      style={{
        minHeight: "100vh",
        boxSizing: "border-box",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#f0f2f5",
        padding: 24,
      }}
    >
      <Card style={{ width: 400, maxWidth: "100%" }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("app.title")}
        </Typography.Title>
        {place && (
          <Typography.Paragraph strong data-testid="login-place">
            {place}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">{t("session.hint")}</Typography.Paragraph>
        <Form<LoginRequest>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={busy}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name="username"
            label={t("session.username")}
            rules={[{ required: true, whitespace: true, message: t("session.usernameRequired") }]}
          >
            <Input autoFocus autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("session.password")}
            rules={[{ required: true, message: t("session.passwordRequired") }]}
          >
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t("session.login")}
          </Button>
        </Form>
        {failure && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            data-testid="login-error"
            message={PLAIN.has(failure.code) ? failure.message : t(errorTitleKey(failure.code))}
            description={
              PLAIN.has(failure.code) ? undefined : (
                <div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>
              )
            }
          />
        )}
      </Card>
    </div>
  );
}
