// The header's sync badge on an enrolled PC: 在线/离线 (未同步 before the first attempt),
// 待同步 N, 冲突 N (red, opens the conflicts page), 上次同步 <China time>, and 立即同步.
import { App, Badge, Button, Space, Tooltip } from "antd";
import { formatChinaTime } from "../../lib/format/time";
import { useT } from "../../lib/i18n";
import { useSync } from "./context";

const TEXT = { color: "rgba(255,255,255,0.85)", whiteSpace: "nowrap" } as const;

export function SyncStatusBar({ onOpenConflicts }: { onOpenConflicts: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { status, syncing, syncNow } = useSync();
  if (!status?.enrolled) return null;

  const online =
    status.online === null
      ? { badge: "default" as const, text: t("sync.never") }
      : status.online
        ? { badge: "success" as const, text: t("sync.online") }
        : { badge: "error" as const, text: t("sync.offline") };

  const run = async () => {
    try {
      await syncNow();
      void message.success(t("sync.done"));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Space size={12} data-testid="sync-status" style={{ lineHeight: "normal" }}>
      <Tooltip
        title={
          status.last_error ? t("sync.lastError", { message: status.last_error.message }) : undefined
        }
      >
        <span style={TEXT} data-testid="sync-online">
          <Badge status={online.badge} /> {online.text}
        </span>
      </Tooltip>
      <span style={TEXT} data-testid="sync-pending">
        {t("sync.pending", { count: status.pending })}
      </span>
      <Button
        size="small"
        type={status.conflicts > 0 ? "primary" : "default"}
        danger={status.conflicts > 0}
        ghost={status.conflicts === 0}
        onClick={onOpenConflicts}
        data-testid="sync-conflicts"
      >
        {t("sync.conflicts", { count: status.conflicts })}
      </Button>
      <span style={TEXT} data-testid="sync-last">
        {status.last_sync_at
          ? t("sync.lastSync", { time: formatChinaTime(status.last_sync_at) })
          : t("sync.lastSyncNever")}
      </span>
      <Button size="small" ghost loading={syncing} onClick={() => void run()} data-testid="sync-now">
        {t("sync.now")}
      </Button>
    </Space>
  );
}
