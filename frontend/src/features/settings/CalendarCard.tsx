// Holiday calendar status (version, loaded years, next-year warning) and next-year import.
import { Alert, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError, type CalendarInfo, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { FileTextInput } from "../import/FileTextInput";
import { ImportErrorAlert } from "../import/ImportErrorAlert";
import { calendarImportText } from "../import/messages";
import { useImportRunner } from "../import/useImportRunner";

/** The year after `today` (an ISO date, YYYY-MM-DD). */
export function nextYearOf(today: string): number {
  return Number.parseInt(today.slice(0, 4), 10) + 1;
}

export function CalendarCard() {
  const t = useT();
  const runner = useImportRunner();
  const [info, setInfo] = useState<CalendarInfo | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    api.calendarInfo().then(
      (i) => {
        if (live) setInfo(i);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("calendar_info", e));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const importFile = async (file: File) => {
    await runner.run(async () => {
      const text = await file.text();
      const next = await api.calendarImportYear({ text });
      setInfo(next);
      setError(null);
      return calendarImportText(next, t);
    });
  };

  const nextYear = info ? nextYearOf(info.today) : null;

  return (
    <Card title={t("settings.calendar")} size="small" data-testid="settings-calendar">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.message}
            style={{ whiteSpace: "pre-wrap" }}
          />
        )}
        {info && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("settings.calendarVersion")}>
              <span data-testid="settings-calendar-version">{info.version}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("settings.calendarYears")}>
              <span data-testid="settings-calendar-years">
                {info.years.map((y) => (
                  <Tag key={y}>{y}</Tag>
                ))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("settings.today")}>{info.today}</Descriptions.Item>
          </Descriptions>
        )}
        {info && nextYear !== null && !info.next_year_loaded && (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-next-year-missing"
            message={t("settings.nextYearMissing", { year: nextYear })}
          />
        )}
        {info && nextYear !== null && info.next_year_loaded && (
          <Typography.Text type="success" data-testid="calendar-next-year-loaded">
            {t("settings.nextYearLoaded", { year: nextYear })}
          </Typography.Text>
        )}
        <div>
          <Typography.Text strong>{t("settings.importCalendar")}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("settings.importCalendarHint")}
          </Typography.Paragraph>
          <FileTextInput
            testId="settings-import-calendar"
            label={t("settings.importCalendar")}
            disabled={runner.busy}
            onFile={importFile}
          />
        </div>
        {runner.notice && (
          <Alert type="success" showIcon data-testid="calendar-import-success" message={runner.notice} />
        )}
        <ImportErrorAlert failure={runner.failure} />
      </Space>
    </Card>
  );
}
