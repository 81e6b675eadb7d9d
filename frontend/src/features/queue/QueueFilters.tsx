// The queue's filters: state, item, card, search (case number / name / ID number) and
// whether closed cases are included.
import { Input, Select, Space, Switch, Typography } from "antd";
import type { Card, CaseState } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { stateLabel } from "../../lib/format/caseLabels";
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

/** The states a case can be in at a window today (the filter offers only these). */
export const WINDOW_STATES: readonly CaseState[] = [
  "reviewing",
  "awaiting_correction",
  "accepted",
  "processing",
  "suspended",
  "completed",
  "rejected",
  "withdrawn",
];

/** Any filter or search narrowing the list (including closed cases only widens it). */
export function isFiltered(f: Filters): boolean {
  return (
    f.state !== null ||
    f.item_code !== null ||
    f.card !== null ||
    f.search.trim() !== ""
  );
}

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
          ...WINDOW_STATES.map((s) => ({ value: s, label: stateLabel(s, t) })),
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
        style={{ width: 140 }}
        aria-label={t("queue.col.card")}
        value={value.card ?? ALL}
        onChange={(v) => set({ card: v === ALL ? null : (v as Card) })}
        data-testid="queue-card"
        options={[
          { value: ALL, label: t("queue.cardFilter", { card: t("queue.allCards") }) },
          { value: "yellow", label: t("queue.cardFilter", { card: t("card.yellow") }) },
          { value: "red", label: t("queue.cardFilter", { card: t("card.red") }) },
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
