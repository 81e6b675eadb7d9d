// 同步冲突: every action the county refused, newest first, never dropped. Read again whenever
// the header's conflict count changes.
import { Alert, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError, type Conflict, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { newestFirst } from "./conflictLabels";
import { ConflictsTable } from "./ConflictsTable";
import { useSync } from "./context";

export function ConflictsPage({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const t = useT();
  const count = useSync().status?.conflicts;
  const [rows, setRows] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    api.syncConflicts().then(
      (list) => {
        if (live) {
          setRows(newestFirst(list));
          setError(null);
        }
      },
      (e: unknown) => {
        if (live) setError(toIpcError("sync_conflicts", e));
      },
    );
    return () => {
      live = false;
    };
  }, [count]);

  return (
    <div data-testid="conflicts-page">
      <Typography.Title level={3}>{t("conflicts.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("conflicts.hint")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="conflicts-error"
          message={t("conflicts.loadError")}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{error.message}</div>}
        />
      )}
      <ConflictsTable rows={rows ?? []} loading={rows === null && !error} onOpenCase={onOpenCase} />
    </div>
  );
}
