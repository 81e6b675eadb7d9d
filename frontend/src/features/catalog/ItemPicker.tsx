// A service-item picker: a searchable Select over `api.catalogSearch` (name or code), limited
// to one department when given. Each option reads "name（code）" so either can be typed.
import { Select } from "antd";
import { useState, type CSSProperties } from "react";
import { useT } from "../../lib/i18n";
import { useItemSearch } from "./useCatalogData";
import { useDebouncedValue } from "./useDebouncedValue";
import { SEARCH_DEBOUNCE_MS } from "./CatalogPage";

type Props = {
  value?: string | null;
  onChange?: (code: string | null) => void;
  department: string | null;
  catalogVersion: string;
  testId: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
};

export function ItemPicker({
  value,
  onChange,
  department,
  catalogVersion,
  testId,
  allowClear,
  placeholder,
  style,
}: Props) {
  const t = useT();
  const [query, setQuery] = useState("");
  const debounced = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const search = useItemSearch(debounced, department, catalogVersion);

  return (
    <Select<string>
      data-testid={testId}
      style={style}
      showSearch
      allowClear={allowClear}
      value={value ?? undefined}
      placeholder={placeholder ?? t("itemPicker.placeholder")}
      // The backend searches; the Select must not filter the answer again.
      filterOption={false}
      onSearch={setQuery}
      onChange={(code) => {
        setQuery("");
        onChange?.(code ?? null);
      }}
      loading={search.loading}
      notFoundContent={search.loading ? t("itemPicker.searching") : t("catalog.empty")}
      options={search.items.map((i) => ({
        value: i.code,
        label: `${i.name}（${i.code}）`,
        title: `${i.name}（${i.code}）`,
      }))}
    />
  );
}
