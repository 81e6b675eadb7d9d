// 收费日报 (DOMAIN.md rule 6): the window's takings of a day — per clerk and payment method,
// the window's totals (charged − refunded = collected, balancing by construction) and every
// charge and refund — with 打印日报 (the PDF to the system viewer; without one, where it is).
// The day is a native date input (antd's DatePicker cannot start under freezePrototype).
import { Alert, Button, Card, Input, Space, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { useCounterToday } from "../inquiry/useRegister";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { ClerkTable, EntriesTable, TotalsTable } from "./CashTables";
import { useCashReport } from "./useCashReport";

type Props = { onOpenCase: (caseId: string) => void; onGoSettings: () => void };

export function CashReportPage({ onOpenCase, onGoSettings }: Props) {
  const t = useT();
  const today = useCounterToday();
  const [chosen, setChosen] = useState<string | null>(null);
  const day = chosen ?? today;
  const [reloads, setReloads] = useState(0);
  const { report, loading, error } = useCashReport(day, reloads);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<{ path: string; warning: string | null } | null>(null);
  const [printError, setPrintError] = useState<IpcError | null>(null);

  const print = async () => {
    if (printing || day === null) return;
    setPrinting(true);
    setPrintError(null);
    try {
      const view = await api.cashReport({ day, print: true });
      setPrinted(view.file ? { path: view.file.path, warning: null } : null);
    } catch (e) {
      const err = toIpcError("cash_report", e);
      if (err.code !== "desktop_failed") {
        setPrintError(err);
      } else {
        setPrinted({ path: "", warning: err.message });
      }
    } finally {
      setPrinting(false);
    }
  };

  if (error?.code === "workstation_not_configured") {
    return (
      <div data-testid="cash-page">
        <NotConfiguredAlert onGoSettings={onGoSettings} />
      </div>
    );
  }
  const failure = error ?? printError;
  return (
    <div data-testid="cash-page">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("cash.title")}
          {report && <Typography.Text type="secondary"> · {report.window_name}</Typography.Text>}
        </Typography.Title>
        <Space wrap>
          <Input
            type="date"
            data-testid="cash-day"
            style={{ width: 170 }}
            value={day ?? ""}
            max={today ?? undefined}
            onChange={(e) => {
              const next = e.target.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(next)) setChosen(next);
            }}
          />
          <Button onClick={() => setReloads((n) => n + 1)} data-testid="cash-refresh">
            {t("queue.refresh")}
          </Button>
          <Button type="primary" loading={printing} disabled={day === null} data-testid="cash-print" onClick={() => void print()}>
            {t("cash.print")}
          </Button>
        </Space>
      </Space>
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cash-error"
          message={t(errorTitleKey(failure.code))}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{failure.message}</div>}
        />
      )}
      {printed && (
        <Alert
          type={printed.warning ? "warning" : "success"}
          showIcon
          closable
          style={{ marginBottom: 12 }}
          data-testid="cash-printed"
          message={printed.warning ? t("notice.printFailed") : t("cash.printed")}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{printed.warning ?? printed.path}</div>}
          onClose={() => setPrinted(null)}
        />
      )}
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small" title={t("cash.byClerk")} loading={loading && !report}>
          {report && <ClerkTable report={report} />}
        </Card>
        <Card size="small" title={t("cash.totals")} loading={loading && !report}>
          {report && <TotalsTable report={report} />}
        </Card>
        <Card size="small" title={t("cash.entries")} loading={loading && !report}>
          {report && <EntriesTable entries={report.entries} onOpenCase={onOpenCase} />}
        </Card>
      </Space>
    </div>
  );
}
