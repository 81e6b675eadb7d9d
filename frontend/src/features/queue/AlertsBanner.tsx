// Open card alerts above the queue, each with a way to the case and a dismiss button.
import { Alert, Button, Space } from "antd";
import type { Alert as CardAlert } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { cardLabel } from "../../lib/format/caseLabels";
import { formatChinaTime } from "../../lib/format/time";

type Props = {
  alerts: CardAlert[];
  onOpenCase: (caseId: string) => void;
  onDismiss: (id: number) => void;
};

export function AlertsBanner({ alerts, onOpenCase, onDismiss }: Props) {
  const t = useT();
  if (alerts.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: "100%", marginBottom: 12 }} data-testid="queue-alerts">
      {alerts.map((a) => (
        <Alert
          key={a.id}
          type={a.card === "red" ? "error" : "warning"}
          showIcon
          data-testid={`alert-${a.id}`}
          message={`${cardLabel(a.card, t)} · ${formatChinaTime(a.at)} · ${a.message}`}
          action={
            <Space>
              <Button size="small" onClick={() => onOpenCase(a.case_id)}>
                {t("queue.openCase")}
              </Button>
              <Button size="small" data-testid={`alert-dismiss-${a.id}`} onClick={() => onDismiss(a.id)}>
                {t("queue.dismiss")}
              </Button>
            </Space>
          }
        />
      ))}
    </Space>
  );
}
