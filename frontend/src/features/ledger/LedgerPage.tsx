// 月度台账: a month's ledger (登记、汇总、预警、差评 sheets) of this department's cases in this
// computer's cache, computed by the backend and saved where the clerk chooses. The whole
// county's ledger comes from the county center (`yichuang-hub export-ledger`).
// The month is a plain text input (`YYYY-MM`): antd's pickers cannot start under
// freezePrototype, and WebKitGTK has no native month input. While the export runs, a bar
// shows how far it has got (the backend's stage and percent).
import { Alert, Button, Card, Form, Input, Progress, Typography } from "antd";
import { useState } from "react";
import type { ExportProgress, ExportStage } from "../../lib/ipc";
import { useT, type MessageKey } from "../../lib/i18n";
import { useCounterToday } from "../inquiry/useRegister";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { isMonth, useLedgerExport } from "./useLedgerExport";

type Props = { onGoSettings: () => void };

const STAGE_KEYS: Record<ExportStage, MessageKey> = {
  reading: "ledger.stage.reading",
  computing: "ledger.stage.computing",
  choosing: "ledger.stage.choosing",
  writing: "ledger.stage.writing",
  saving: "ledger.stage.saving",
};

export function LedgerPage({ onGoSettings }: Props) {
  const t = useT();
  const today = useCounterToday();
  // `null` until the clerk types: the month follows the counter's today.
  const [typed, setTyped] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const month = typed ?? (today === null ? "" : today.slice(0, 7));
  const { running, progress, outcome, run, clear } = useLedgerExport();

  const valid = isMonth(month.trim());
  const showInvalid = refused || (typed !== null && typed.trim() !== "" && !valid);

  const submit = () => {
    if (running) return;
    const value = month.trim();
    if (!isMonth(value)) {
      setRefused(true);
      clear();
      return;
    }
    void run(value);
  };

  const failure = outcome?.kind === "failed" ? outcome.error : null;
  return (
    <div data-testid="ledger-page" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("ledger.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="ledger-intro">
        {t("ledger.intro")}
      </Typography.Paragraph>
      <Card size="small">
        <Form layout="inline" component="div" style={{ rowGap: 12 }}>
          <Form.Item
            label={t("ledger.month")}
            validateStatus={showInvalid ? "error" : undefined}
            help={
              showInvalid ? <span data-testid="ledger-month-invalid">{t("ledger.monthInvalid")}</span> : undefined
            }
          >
            <Input
              data-testid="ledger-month"
              style={{ width: 140 }}
              inputMode="numeric"
              maxLength={7}
              placeholder={t("ledger.monthPlaceholder")}
              value={month}
              disabled={running}
              onChange={(e) => {
                setTyped(e.target.value);
                setRefused(false);
              }}
              onPressEnter={submit}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              data-testid="ledger-export"
              disabled={running || month.trim() === ""}
              onClick={submit}
            >
              {t("ledger.export")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <div style={{ marginTop: 16 }}>
        {running && <ExportBar progress={progress} />}
        {outcome?.kind === "saved" && (
          <Alert
            type="success"
            showIcon
            closable
            data-testid="ledger-saved"
            message={t("ledger.saved", { cases: outcome.cases })}
            description={<div style={{ whiteSpace: "pre-wrap" }}>{t("ledger.savedTo", { path: outcome.path })}</div>}
            onClose={clear}
          />
        )}
        {outcome?.kind === "cancelled" && (
          <Alert
            type="info"
            showIcon
            closable
            data-testid="ledger-cancelled"
            message={t("ledger.cancelled")}
            description={t("ledger.cancelledHint")}
            onClose={clear}
          />
        )}
        {failure?.code === "workstation_not_configured" && <NotConfiguredAlert onGoSettings={onGoSettings} />}
        {failure && failure.code !== "workstation_not_configured" && (
          <Alert
            type="error"
            showIcon
            data-testid="ledger-error"
            message={t("ledger.failed")}
            description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
          />
        )}
      </div>
    </div>
  );
}

/** The running export: its percent as a bar, and its stage in words (none before the first read). */
function ExportBar({ progress }: { progress: ExportProgress | null }) {
  const t = useT();
  const percent = Math.max(0, Math.min(100, progress?.percent ?? 0));
  return (
    <div
      data-testid="ledger-progress"
      data-percent={percent}
      data-stage={progress?.stage ?? ""}
      role="status"
      aria-live="polite"
      style={{ maxWidth: 480 }}
    >
      <Progress percent={percent} status="active" />
      <Typography.Text data-testid="ledger-progress-stage">
        {progress ? t("ledger.progress", { stage: t(STAGE_KEYS[progress.stage]) }) : t("ledger.exporting")}
      </Typography.Text>
    </div>
  );
}
