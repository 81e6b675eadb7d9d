// Catalog status (current version, region, counts, stored versions) and catalog file import.
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import type { CatalogStatus, CatalogVersionInfo } from "../../lib/ipc";
import { api } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { formatChinaTime } from "../../lib/format/time";
import { FileTextInput } from "../import/FileTextInput";
import { ImportErrorAlert } from "../import/ImportErrorAlert";
import { catalogImportText } from "../import/messages";
import { useImportRunner } from "../import/useImportRunner";

type Props = {
  status: CatalogStatus | undefined;
  onCatalogChanged: () => Promise<void>;
};

export function CatalogStatusCard({ status, onCatalogChanged }: Props) {
  const t = useT();
  const runner = useImportRunner();
  const current = status?.current ?? null;

  const importFile = async (file: File) => {
    const ok = await runner.run(async () => {
      const text = await file.text();
      return catalogImportText(await api.catalogImport({ text }), t);
    });
    if (ok !== null) await onCatalogChanged();
  };

  return (
    <Card title={t("settings.catalog")} size="small" data-testid="settings-catalog-status">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {current ? (
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t("settings.currentVersion")}>
              <span data-testid="settings-catalog-version">{current.version}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("settings.region")}>
              {current.region_name}（{current.region_code}）
            </Descriptions.Item>
            <Descriptions.Item label={t("settings.itemCount")}>{current.item_count}</Descriptions.Item>
            <Descriptions.Item label={t("settings.departmentCount")}>
              {current.department_count}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{status ? t("settings.noCatalog") : ""}</Typography.Text>
        )}
        {status && status.versions.length > 0 && (
          <div>
            <Typography.Text strong>{t("settings.storedVersions")}</Typography.Text>
            <Table<CatalogVersionInfo>
              data-testid="settings-catalog-versions"
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={status.versions}
              columns={[
                {
                  title: t("settings.version"),
                  dataIndex: "version",
                  render: (_, v) => (
                    <Space>
                      {v.version}
                      {v.version === current?.version && <Tag color="green">{t("settings.inUse")}</Tag>}
                    </Space>
                  ),
                },
                { title: t("settings.region"), dataIndex: "region_name" },
                { title: t("settings.itemCount"), dataIndex: "item_count" },
                { title: t("settings.departmentCount"), dataIndex: "department_count" },
                {
                  title: t("settings.importedAt"),
                  dataIndex: "imported_at",
                  render: (_, v) => formatChinaTime(v.imported_at),
                },
              ]}
            />
          </div>
        )}
        <div>
          <Typography.Text strong>{t("settings.importCatalog")}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("settings.importCatalogHint")}
          </Typography.Paragraph>
          <FileTextInput
            testId="settings-import-catalog"
            label={t("settings.importCatalog")}
            disabled={runner.busy}
            onFile={importFile}
          />
        </div>
        {runner.notice && (
          <Alert type="success" showIcon data-testid="import-success" message={runner.notice} />
        )}
        <ImportErrorAlert failure={runner.failure} />
      </Space>
    </Card>
  );
}
