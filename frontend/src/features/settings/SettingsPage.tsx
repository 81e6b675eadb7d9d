// The settings page: connection to the county hub, this window (本窗口), language, catalog
// status and import, holiday calendar, audit trail, local data directory.
import { Alert, Card, Space, Typography } from "antd";
import type { CatalogStatus } from "../../lib/ipc";
import { useI18n } from "../../lib/i18n";
import { HubCard } from "../sync/HubCard";
import { AuditCard } from "./AuditCard";
import { CalendarCard } from "./CalendarCard";
import { CatalogStatusCard } from "./CatalogStatusCard";
import { LanguageCard } from "./LanguageCard";
import { WorkstationCard } from "./WorkstationCard";

type Props = {
  status: CatalogStatus | undefined;
  onCatalogChanged: () => Promise<void>;
};

export function SettingsPage({ status, onCatalogChanged }: Props) {
  const { t, settings, settingsError } = useI18n();
  return (
    <div data-testid="settings-page" style={{ maxWidth: 960 }}>
      <Typography.Title level={3}>{t("settings.title")}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {settingsError && (
          <Alert
            type="error"
            showIcon
            message={t("settings.loadError")}
            description={<div style={{ whiteSpace: "pre-wrap" }}>{settingsError.message}</div>}
          />
        )}
        <HubCard />
        <WorkstationCard catalogVersion={status?.current?.version ?? null} />
        <LanguageCard />
        <CatalogStatusCard status={status} onCatalogChanged={onCatalogChanged} />
        <CalendarCard />
        <AuditCard />
        <Card title={t("settings.dataDir")} size="small">
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("settings.dataDirHint")}
          </Typography.Paragraph>
          <Typography.Text code copyable={!!settings} data-testid="settings-data-dir">
            {settings?.data_dir ?? ""}
          </Typography.Text>
        </Card>
      </Space>
    </div>
  );
}
