// "本窗口尚未设置": shown by the queue, intake and inquiry pages until the window has a profile
// (also when the backend answers `workstation_not_configured`), with a way to settings.
import { Alert, Button } from "antd";
import { useT } from "../../lib/i18n";

export function NotConfiguredAlert({ onGoSettings }: { onGoSettings: () => void }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="workstation-missing"
      message={t("workstation.missing")}
      description={t("workstation.missingHint")}
      action={
        <Button type="primary" data-testid="workstation-go-settings" onClick={onGoSettings}>
          {t("workstation.goSettings")}
        </Button>
      }
    />
  );
}
