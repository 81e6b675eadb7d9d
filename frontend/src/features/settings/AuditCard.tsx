// The workstation's audit trail at a glance: how many entries, whether the hash chain is intact
// (an edited or deleted entry is named), and how many actions still wait for the county.
import { Alert, Card, Descriptions, Tag } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError, type AuditStatus, type IpcError } from "../../lib/ipc";
import { useT } from "../../lib/i18n";

export function AuditCard() {
  const t = useT();
  const [status, setStatus] = useState<AuditStatus | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    api.auditStatus().then(
      (s) => {
        if (live) setStatus(s);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("audit_status", e));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <Card title={t("settings.audit")} size="small" data-testid="audit-card">
      {error && <Alert type="error" showIcon message={error.message} />}
      {status && (
        <>
          {!status.intact && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t("settings.auditBroken")}
              description={status.problem ?? ""}
              data-testid="audit-broken"
            />
          )}
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t("settings.auditEntries")}>{status.entries}</Descriptions.Item>
            <Descriptions.Item label={t("settings.auditChain")}>
              {status.intact ? (
                <Tag color="success">{t("settings.auditIntact")}</Tag>
              ) : (
                <Tag color="error">{t("settings.auditBrokenTag")}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("settings.pendingMutations")}>
              <span data-testid="audit-pending">{status.pending_mutations}</span>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Card>
  );
}
