// The catalog page: search box, department filter, item table, and the item detail drawer.
import { Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../lib/i18n";
import { CatalogTable } from "./CatalogTable";
import { ItemDetailDrawer } from "./ItemDetailDrawer";
import { useDepartments, useItemSearch } from "./useCatalogData";
import { useDebouncedValue } from "./useDebouncedValue";

export const SEARCH_DEBOUNCE_MS = 200;
const ALL = "__all__";

export function CatalogPage({ catalogVersion }: { catalogVersion: string }) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [department, setDepartment] = useState<string | null>(null);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const debouncedQuery = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const departments = useDepartments(catalogVersion);
  const search = useItemSearch(debouncedQuery, department, catalogVersion);

  return (
    <div data-testid="catalog-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t("catalog.searchPlaceholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="catalog-search"
        />
        <Select<string>
          style={{ width: 240 }}
          value={department ?? ALL}
          onChange={(v) => setDepartment(v === ALL ? null : v)}
          data-testid="catalog-department"
          options={[
            { value: ALL, label: t("catalog.allDepartments") },
            ...departments.map((d) => ({ value: d.code, label: d.name })),
          ]}
        />
        <Typography.Text type="secondary" data-testid="catalog-count">
          {search.loading ? "" : t("catalog.count", { count: search.items.length })}
        </Typography.Text>
      </Space>
      {search.error && (
        <Typography.Paragraph type="danger" style={{ whiteSpace: "pre-wrap" }}>
          {search.error.message}
        </Typography.Paragraph>
      )}
      <CatalogTable items={search.items} loading={search.loading} onOpen={setOpenCode} />
      {openCode !== null && (
        <ItemDetailDrawer
          key={openCode}
          code={openCode}
          departments={departments}
          onClose={() => setOpenCode(null)}
        />
      )}
    </div>
  );
}
