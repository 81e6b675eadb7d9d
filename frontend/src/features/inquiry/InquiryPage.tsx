// 首问登记 page: the form, and below it today's register (refreshed after each entry).
import { Alert, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError, type Inquiry, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { useWorkstation } from "../workstation/context";
import { InquiryForm } from "./InquiryForm";
import { InquiryTable } from "./InquiryTable";

type Props = { catalogVersion: string; onGoSettings: () => void };

export function InquiryPage({ catalogVersion, onGoSettings }: Props) {
  const t = useT();
  const { info } = useWorkstation();
  const [rows, setRows] = useState<Inquiry[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api.inquiryToday().then(
      (list) => {
        if (live) setRows(list);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("inquiry_today", e));
      },
    );
    return () => {
      live = false;
    };
  }, [reloads]);

  if (info !== undefined && !info.profile) {
    return (
      <div data-testid="inquiry-page">
        <NotConfiguredAlert onGoSettings={onGoSettings} />
      </div>
    );
  }

  return (
    <div data-testid="inquiry-page">
      <Typography.Title level={3}>{t("inquiry.title")}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <InquiryForm
          catalogVersion={catalogVersion}
          onLogged={() => setReloads((n) => n + 1)}
        />
        {error && <Alert type="error" showIcon message={error.message} />}
        <InquiryTable rows={rows ?? []} loading={rows === null && !error} />
      </Space>
    </div>
  );
}
