// Table of application materials: name, original/copy, copies, required/optional, note.
import { Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Material } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { formLabel, requiredLabel } from "../../lib/format/labels";

export function MaterialsTable({ materials, testId }: { materials: Material[]; testId?: string }) {
  const t = useT();
  const columns: ColumnsType<Material> = [
    { title: t("material.name"), dataIndex: "name" },
    {
      title: t("material.form"),
      dataIndex: "form",
      width: 110,
      render: (_, m) => formLabel(m.form, t),
    },
    { title: t("material.copies"), dataIndex: "copies", width: 70, align: "right" },
    {
      title: t("material.required"),
      dataIndex: "required",
      width: 100,
      render: (_, m) => (
        <Tag color={m.required ? "red" : "default"}>{requiredLabel(m.required, t)}</Tag>
      ),
    },
    { title: t("material.note"), dataIndex: "note", render: (_, m) => m.note ?? "" },
  ];
  return (
    <Table<Material>
      data-testid={testId}
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={materials}
      pagination={false}
    />
  );
}
