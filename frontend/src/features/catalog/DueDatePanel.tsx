// Due-date helper: deadlines if the case is accepted today, computed by the backend calendar.
import { Alert, Space, Tag, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError, type DueDatePreview, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { buildDueDateView, type DueLineKind } from "../../lib/format/dueDate";

const LINE_TEST_IDS: Record<DueLineKind, string> = {
  on_the_spot: "due-on-the-spot",
  promised: "due-promised",
  statutory: "due-statutory",
};

export function DueDatePanel({ itemCode }: { itemCode: string }) {
  const t = useT();
  const [preview, setPreview] = useState<DueDatePreview | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    api.calendarDueDate({ item_code: itemCode }).then(
      (p) => {
        if (live) setPreview(p);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("calendar_due_date", e));
      },
    );
    return () => {
      live = false;
    };
  }, [itemCode]);

  if (error) {
    return (
      <Alert
        data-testid="due-date"
        type="warning"
        showIcon
        message={t("due.loadError")}
        description={<div style={{ whiteSpace: "pre-wrap" }}>{error.message}</div>}
      />
    );
  }
  if (!preview) return <div data-testid="due-date" />;

  const view = buildDueDateView(preview, t);
  return (
    <div
      data-testid="due-date"
      style={{ background: "#f6f9fe", border: "1px solid #d6e4f7", borderRadius: 6, padding: 12 }}
    >
      <Space align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{view.heading}</Typography.Text>
        {view.provisional && (
          <Tooltip title={t("due.provisionalHint")}>
            <Tag color="orange" data-testid="due-provisional">
              {t("due.provisional")}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {view.lines.map((line) => (
        <div key={line.kind} data-testid={LINE_TEST_IDS[line.kind]} style={{ lineHeight: "28px" }}>
          {line.text}
          {line.provisional && (
            <Tag color="orange" bordered={false} style={{ marginInlineStart: 8 }}>
              {t("due.provisional")}
            </Tag>
          )}
        </div>
      ))}
      {view.provisional && (
        <Typography.Paragraph type="warning" style={{ margin: "4px 0 0", fontSize: 12 }}>
          {t("due.provisionalHint")}
        </Typography.Paragraph>
      )}
      {view.calendarVersion && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="due-calendar-version">
          {t("due.calendarVersion", { version: view.calendarVersion })}
        </Typography.Text>
      )}
    </div>
  );
}
