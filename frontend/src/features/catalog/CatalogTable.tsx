// Table of catalog items; each row (data-testid catalog-row-<code>) opens the item detail.
import { Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { ItemSummary } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { KIND_COLORS, kindLabel, limitsText } from "../../lib/format/labels";
import { feeText } from "../../lib/format/money";

type Props = {
  items: ItemSummary[];
  loading: boolean;
  onOpen: (code: string) => void;
};

export function CatalogTable({ items, loading, onOpen }: Props) {
  const t = useT();
  const columns: ColumnsType<ItemSummary> = [
    { title: t("catalog.col.code"), dataIndex: "code", width: 140 },
    { title: t("catalog.col.name"), dataIndex: "name" },
    { title: t("catalog.col.department"), dataIndex: "department_name", width: 200 },
    {
      title: t("catalog.col.kind"),
      dataIndex: "kind",
      width: 100,
      render: (_, row) => <Tag color={KIND_COLORS[row.kind]}>{kindLabel(row.kind, t)}</Tag>,
    },
    {
      title: t("catalog.col.limits"),
      key: "limits",
      width: 220,
      render: (_, row) => limitsText(row.promised_days, row.statutory_days, t),
    },
    {
      title: t("catalog.col.fee"),
      dataIndex: "fee_cents",
      width: 100,
      render: (_, row) => feeText(row.fee_cents, t),
    },
    {
      title: t("catalog.col.chief"),
      dataIndex: "requires_chief_approval",
      width: 130,
      render: (_, row) =>
        row.requires_chief_approval ? <Tag color="orange">{t("catalog.chiefTag")}</Tag> : null,
    },
  ];

  return (
    <Table<ItemSummary>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t("catalog.empty") }}
      data-testid="catalog-table"
      onRow={(row) =>
        ({
          "data-testid": `catalog-row-${row.code}`,
          onClick: () => onOpen(row.code),
          style: { cursor: "pointer" },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
