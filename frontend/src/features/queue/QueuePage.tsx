// 办件队列: the window's department's open cases, soonest due first, with cards and alerts.
// F2 anywhere opens a fresh intake form (the hint and a button are here).
import { Alert, Button, Space, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { useDebouncedValue } from "../catalog/useDebouncedValue";
import { NotConfiguredAlert } from "../workstation/NotConfiguredAlert";
import { useWorkstation } from "../workstation/context";
import { AlertsBanner } from "./AlertsBanner";
import { isFiltered, NO_FILTERS, QueueFilters, type Filters } from "./QueueFilters";
import { QueueTable } from "./QueueTable";
import { useAlerts } from "./useAlerts";
import { useQueue } from "./useQueue";

const SEARCH_DEBOUNCE_MS = 250;

type Props = {
  catalogVersion: string;
  onOpenCase: (caseId: string) => void;
  onNewIntake: () => void;
  onGoSettings: () => void;
  /** Filters kept by the caller (so they survive opening a case); local when not given. */
  filters?: Filters;
  onFiltersChange?: (next: Filters) => void;
};

export function QueuePage(props: Props) {
  const { info } = useWorkstation();
  if (info !== undefined && !info.profile) {
    return (
      <div data-testid="queue-page">
        <NotConfiguredAlert onGoSettings={props.onGoSettings} />
      </div>
    );
  }
  return <ConfiguredQueue {...props} department={info?.profile?.department_code ?? null} />;
}

function ConfiguredQueue({
  catalogVersion,
  onOpenCase,
  onNewIntake,
  onGoSettings,
  department,
  filters: keptFilters,
  onFiltersChange,
}: Props & { department: string | null }) {
  const t = useT();
  const [localFilters, setLocalFilters] = useState<Filters>(NO_FILTERS);
  const filters = keptFilters ?? localFilters;
  const setFilters = onFiltersChange ?? setLocalFilters;
  const filtered = isFiltered(filters);
  const [reloads, setReloads] = useState(0);
  const search = useDebouncedValue(filters.search.trim(), SEARCH_DEBOUNCE_MS);
  const queue = useQueue({ ...filters, search }, reloads);
  const alerts = useAlerts();

  return (
    <div data-testid="queue-page">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("queue.title")}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary" data-testid="queue-f2-hint">
            {t("queue.f2Hint")}
          </Typography.Text>
          <Button onClick={() => setReloads((n) => n + 1)} data-testid="queue-refresh">
            {t("queue.refresh")}
          </Button>
          <Button type="primary" onClick={onNewIntake} data-testid="queue-new-intake">
            {t("queue.newIntake")}
          </Button>
        </Space>
      </Space>
      <AlertsBanner alerts={alerts.alerts} onOpenCase={onOpenCase} onDismiss={(id) => void alerts.dismiss(id)} />
      {queue.error &&
        (queue.error.code === "workstation_not_configured" ? (
          <NotConfiguredAlert onGoSettings={onGoSettings} />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t(errorTitleKey(queue.error.code))}
            description={queue.error.message}
          />
        ))}
      <QueueFilters
        value={filters}
        onChange={setFilters}
        department={department}
        catalogVersion={catalogVersion}
      />
      <QueueTable
        rows={queue.rows}
        loading={queue.loading}
        onOpen={onOpenCase}
        filtered={filtered}
        onClearFilters={() => setFilters(NO_FILTERS)}
      />
    </div>
  );
}
