// 本窗口: this workstation's department, window, clerk and number formats. Every case and
// notice number is drawn from the series these name, so the backend checks them; its
// per-field messages are shown on the fields.
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
      const next = await api.workstationSet({
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
            >
              <Select
                data-testid="ws-department"
                showSearch
                optionFilterProp="label"
                placeholder={t("workstation.departmentPlaceholder")}
                options={departments.map((d) => ({ value: d.code, label: d.name, title: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item required name="center_name" label={t("workstation.centerName")} data-testid="ws-field-center_name">
              <Input data-testid="ws-center-name" placeholder={t("workstation.centerNamePlaceholder")} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item required name="window_code" label={t("workstation.windowCode")} data-testid="ws-field-window_code">
              <Input data-testid="ws-window-code" placeholder="W03" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="window_name" label={t("workstation.windowName")} data-testid="ws-field-window_name">
              <Input data-testid="ws-window-name" placeholder={t("workstation.windowNamePlaceholder")} />
            </Form.Item>
          </Col>
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
            {t("workstation.configured", {
              window: info.profile.window_name || info.profile.window_code,
              clerk: info.profile.clerk_name,
            })}
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}
