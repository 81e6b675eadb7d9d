// 本窗口: this workstation's department, window, clerk and number formats. Every case and
// notice number is drawn from the series these name, so the backend checks them; its
// per-field messages are shown on the fields. On a PC enrolled with the county, the county
// decides the department, window code and center name, and the logged-in user acts (no clerk
// fields here).
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import {
  api,
  toIpcError,
  type DepartmentInfo,
  type IpcError,
  type WorkstationProfile,
} from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { clearEditedFieldErrors, clearFieldErrors, showFieldErrors } from "../../lib/form/fieldErrors";
import { useSession } from "../session/context";
import { useWorkstation } from "../workstation/context";

const FIELDS: (keyof WorkstationProfile)[] = [
  "department_code",
  "window_code",
  "window_name",
  "clerk_id",
  "clerk_name",
  "center_name",
  "case_format",
  "notice_format",
  "yellow_within_days",
];

export function WorkstationCard({ catalogVersion }: { catalogVersion: string | null }) {
  const t = useT();
  const { message } = App.useApp();
  const { info, replace } = useWorkstation();
  const { enrolled } = useSession();
  const [form] = Form.useForm<WorkstationProfile>();
  const [departments, setDepartments] = useState<DepartmentInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  useEffect(() => {
    if (catalogVersion === null) return;
    let live = true;
    api.catalogDepartments().then(
      (list) => {
        if (live) setDepartments(list);
      },
      () => {
        if (live) setDepartments([]);
      },
    );
    return () => {
      live = false;
    };
  }, [catalogVersion]);

  // Fill the form once the profile (or the county defaults) arrives.
  const initial = info ? (info.profile ?? info.defaults) : null;
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [initial, form]);

  const save = async (values: WorkstationProfile) => {
    setBusy(true);
    setFailure(null);
    try {
      // Fields not shown (the clerk, once enrolled) keep what the profile has.
      const next = await api.workstationSet({
        ...initial,
        ...values,
        yellow_within_days: Number(values.yellow_within_days ?? 0),
      });
      replace(next);
      clearFieldErrors(form, FIELDS);
      void message.success(t("workstation.saved"));
    } catch (e) {
      const err = toIpcError("workstation_set", e);
      const leftover = showFieldErrors(form, err.fields, FIELDS);
      // The message is on the field; a general alert only when no field could show it.
      if (err.fields.length === 0 || leftover.length > 0) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const countyHint = enrolled ? (
    <span data-testid="ws-set-by-county">{t("workstation.setByCounty")}</span>
  ) : undefined;

  return (
    <Card title={t("workstation.title")} size="small" data-testid="settings-workstation">
      <Typography.Paragraph type="secondary">
        {t("workstation.hint")}{" "}
        <span data-testid="ws-id">
          {t("workstation.id", { id: info?.workstation_id ?? "" })}
        </span>
      </Typography.Paragraph>
      {catalogVersion === null && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("workstation.needsCatalog")} />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ws-error"
          message={failure.message}
        />
      )}
      <Form<WorkstationProfile>
        form={form}
        layout="vertical"
        disabled={busy || catalogVersion === null}
        onFinish={(v) => void save(v)}
        onValuesChange={(changed) => clearEditedFieldErrors(form, changed)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="department_code"
              label={t("workstation.department")}
              data-testid="ws-field-department_code"
              rules={[{ required: true, message: t("form.required") }]}
              extra={countyHint}
            >
              <Select
                data-testid="ws-department"
                disabled={enrolled || undefined}
                showSearch
                optionFilterProp="label"
                placeholder={t("workstation.departmentPlaceholder")}
                options={departments.map((d) => ({ value: d.code, label: d.name, title: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              required
              name="center_name"
              label={t("workstation.centerName")}
              data-testid="ws-field-center_name"
              extra={countyHint}
            >
              <Input
                data-testid="ws-center-name"
                disabled={enrolled || undefined}
                placeholder={t("workstation.centerNamePlaceholder")}
              />
            </Form.Item>
          </Col>
          <Col span={enrolled ? 12 : 6}>
            <Form.Item
              required
              name="window_code"
              label={t("workstation.windowCode")}
              data-testid="ws-field-window_code"
              extra={countyHint}
            >
              <Input data-testid="ws-window-code" disabled={enrolled || undefined} placeholder="W03" />
            </Form.Item>
          </Col>
          <Col span={enrolled ? 12 : 6}>
            <Form.Item name="window_name" label={t("workstation.windowName")} data-testid="ws-field-window_name">
              <Input data-testid="ws-window-name" placeholder={t("workstation.windowNamePlaceholder")} />
            </Form.Item>
          </Col>
          {!enrolled && (
            <>
              <Col span={6}>
                <Form.Item required name="clerk_id" label={t("workstation.clerkId")} data-testid="ws-field-clerk_id">
                  <Input data-testid="ws-clerk-id" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item required name="clerk_name" label={t("workstation.clerkName")} data-testid="ws-field-clerk_name">
                  <Input data-testid="ws-clerk-name" />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={9}>
            <Form.Item name="case_format" label={t("workstation.caseFormat")} data-testid="ws-field-case_format">
              <Input data-testid="ws-case-format" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="notice_format" label={t("workstation.noticeFormat")} data-testid="ws-field-notice_format">
              <Input data-testid="ws-notice-format" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="yellow_within_days"
              label={t("workstation.yellowDays")}
              data-testid="ws-field-yellow_within_days"
            >
              <InputNumber data-testid="ws-yellow-days" min={0} max={20} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("workstation.formatHint")}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="ws-save">
          {t("workstation.save")}
        </Button>
        {info?.profile && (
          <Typography.Text type="success" style={{ marginInlineStart: 12 }} data-testid="ws-configured">
            {enrolled
              ? t("workstation.configuredWindow", {
                  window: info.profile.window_name || info.profile.window_code,
                })
              : t("workstation.configured", {
                  window: info.profile.window_name || info.profile.window_code,
                  clerk: info.profile.clerk_name,
                })}
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}
