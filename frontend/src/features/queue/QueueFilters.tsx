// The queue's filters: state, item, card, search (case number / name / ID number) and
// whether closed cases are included.
import { Input, Select, Space, Switch, Typography } from "antd";
import type { Card, CaseState } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { CASE_STATES, stateLabel } from "../../lib/format/caseLabels";
import { ItemPicker } from "../catalog/ItemPicker";

export type Filters = {
  state: CaseState | null;
  item_code: string | null;
  card: Card | null;
  search: string;
  include_closed: boolean;
};

export const NO_FILTERS: Filters = {
  state: null,
  item_code: null,
  card: null,
  search: "",
  include_closed: false,
};

const ALL = "__all__";

type Props = {
  value: Filters;
  onChange: (next: Filters) => void;
  department: string | null;
  catalogVersion: string;
};

export function QueueFilters({ value, onChange, department, catalogVersion }: Props) {
  const t = useT();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        style={{ width: 300 }}
        placeholder={t("queue.searchPlaceholder")}
        value={value.search}
        onChange={(e) => set({ search: e.target.value })}
        data-testid="queue-search"
      />
      <Select<string>
        style={{ width: 150 }}
        value={value.state ?? ALL}
        onChange={(v) => set({ state: v === ALL ? null : (v as CaseState) })}
        data-testid="queue-state"
        options={[
          { value: ALL, label: t("queue.allStates") },
          ...CASE_STATES.map((s) => ({ value: s, label: stateLabel(s, t) })),
        ]}
      />
      <ItemPicker
        testId="queue-item"
        style={{ width: 280 }}
        allowClear
        placeholder={t("queue.allItems")}
        value={value.item_code}
        onChange={(code) => set({ item_code: code })}
        department={department}
        catalogVersion={catalogVersion}
      />
      <Select<string>
        style={{ width: 110 }}
        value={value.card ?? ALL}
        onChange={(v) => set({ card: v === ALL ? null : (v as Card) })}
        data-testid="queue-card"
        options={[
          { value: ALL, label: t("queue.allCards") },
          { value: "yellow", label: t("card.yellow") },
          { value: "red", label: t("card.red") },
        ]}
      />
      <Space size={6}>
        <Switch
          checked={value.include_closed}
          onChange={(checked) => set({ include_closed: checked })}
          data-testid="queue-include-closed"
        />
        <Typography.Text>{t("queue.includeClosed")}</Typography.Text>
      </Space>
    </Space>
  );
}
