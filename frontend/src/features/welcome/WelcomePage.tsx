// First-start screen: no catalog yet; load the demo catalog or import a catalog file.
import { App, Button, Card, Col, Row, Space, Typography } from "antd";
import { api } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { FileTextInput } from "../import/FileTextInput";
import { ImportErrorAlert } from "../import/ImportErrorAlert";
import { catalogImportText } from "../import/messages";
import { useImportRunner } from "../import/useImportRunner";

type Props = {
  /** Called after a catalog was loaded; the shell refreshes its status and shows the catalog. */
  onLoaded: () => Promise<void>;
};

export function WelcomePage({ onLoaded }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const runner = useImportRunner();

  const done = async (text: string | null) => {
    if (text === null) return;
    void message.success(text);
    await onLoaded();
  };

  const loadDemo = async () => {
    await done(await runner.run(async () => catalogImportText(await api.catalogLoadDemo(), t)));
  };

  const importFile = async (file: File) => {
    await done(
      await runner.run(async () => {
        const text = await file.text();
        return catalogImportText(await api.catalogImport({ text }), t);
      }),
    );
  };

  return (
    <div data-testid="welcome" style={{ maxWidth: 880, margin: "24px auto" }}>
      <Typography.Title level={2}>{t("welcome.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("welcome.subtitle")}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: "100%" }}>
        <ImportErrorAlert failure={runner.failure} />
        <Row gutter={16}>
          <Col span={12}>
            <Card title={t("welcome.loadDemo")} style={{ height: "100%" }}>
              <Typography.Paragraph type="secondary">{t("welcome.loadDemoHint")}</Typography.Paragraph>
              <Button
                type="primary"
                size="large"
                loading={runner.busy}
                data-testid="welcome-load-demo"
                onClick={() => void loadDemo()}
              >
                {t("welcome.loadDemo")}
              </Button>
            </Card>
          </Col>
          <Col span={12}>
            <Card title={t("welcome.importFile")} style={{ height: "100%" }}>
              <Typography.Paragraph type="secondary">{t("welcome.importFileHint")}</Typography.Paragraph>
              <FileTextInput
                testId="welcome-import-file"
                label={t("welcome.importFile")}
                disabled={runner.busy}
                onFile={importFile}
              />
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
