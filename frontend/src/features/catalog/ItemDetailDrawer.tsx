// Item detail drawer: limits, fee, legal basis, materials, situations and the due-date helper.
import { Alert, Descriptions, Drawer, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import {
  api,
  toIpcError,
  type DepartmentInfo,
  type IpcError,
  type ItemDetail,
} from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { KIND_COLORS, kindLabel } from "../../lib/format/labels";
import { formatFen } from "../../lib/format/money";
import { DueDatePanel } from "./DueDatePanel";
import { MaterialsTable } from "./MaterialsTable";

type Props = {
  code: string;
  /** For showing joint departments by name. */
  departments: DepartmentInfo[];
  onClose: () => void;
};

export function ItemDetailDrawer({ code, departments, onClose }: Props) {
  const t = useT();
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    api.catalogItem({ code }).then(
      (d) => {
        if (live) setDetail(d);
      },
      (e: unknown) => {
        if (live) setError(toIpcError("catalog_item", e));
      },
    );
    return () => {
      live = false;
    };
  }, [code]);

  const item = detail?.item;
  const deptName = (c: string) => departments.find((d) => d.code === c)?.name ?? c;

  return (
    <Drawer
      open
      width={760}
      onClose={onClose}
      data-testid="item-detail"
      title={<span data-testid="item-detail-title">{item ? item.name : code}</span>}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          message={t("detail.loadError")}
          description={<div style={{ whiteSpace: "pre-wrap" }}>{error.message}</div>}
        />
      )}
      {!error && !item && <Spin tip={t("detail.loading")}><div style={{ height: 120 }} /></Spin>}
      {detail && item && (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <DueDatePanel itemCode={item.code} />
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t("detail.code")}>{item.code}</Descriptions.Item>
            <Descriptions.Item label={t("detail.department")}>{detail.department_name}</Descriptions.Item>
            <Descriptions.Item label={t("detail.kind")}>
              <Tag color={KIND_COLORS[item.kind]}>{kindLabel(item.kind, t)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.chief")}>
              {item.requires_chief_approval ? (
                <Tag color="orange">{t("detail.chiefYes")}</Tag>
              ) : (
                t("detail.chiefNo")
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.statutory")}>
              {item.statutory_days > 0
                ? t("limits.days", { days: item.statutory_days })
                : t("detail.none")}
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.promised")}>
              {item.promised_days > 0
                ? t("limits.days", { days: item.promised_days })
                : t("detail.promisedImmediate")}
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.fee")} span={2}>
              {item.fee ? (
                <span data-testid="item-fee">
                  {item.fee.name} {formatFen(item.fee.amount_cents)}
                  <br />
                  <Typography.Text type="secondary">
                    {t("detail.feeBasis", { basis: item.fee.basis })}
                  </Typography.Text>
                </span>
              ) : (
                <span data-testid="item-fee">{t("fee.free")}</span>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.legalBasis")} span={2}>
              {item.legal_basis}
            </Descriptions.Item>
            {item.special_procedures.length > 0 && (
              <Descriptions.Item label={t("detail.special")} span={2}>
                {item.special_procedures.map((p) => (
                  <Tag key={p}>{p}</Tag>
                ))}
              </Descriptions.Item>
            )}
            {item.joint_departments.length > 0 && (
              <Descriptions.Item label={t("detail.joint")} span={2}>
                {item.joint_departments.map((c) => (
                  <Tag key={c}>{deptName(c)}</Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t("detail.materials")}</Typography.Title>
            <MaterialsTable materials={item.materials} testId="item-materials" />
          </div>

          {item.situations.length > 0 && (
            <div>
              <Typography.Title level={5}>{t("detail.situations")}</Typography.Title>
              <Space direction="vertical" size="middle" style={{ width: "100%" }}>
                {item.situations.map((s) => (
                  <div key={s.code} data-testid={`situation-${s.code}`}>
                    <Typography.Text strong>{s.name}</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: "4px 0" }}>
                      {s.materials.length > 0
                        ? t("detail.situationAdds")
                        : t("detail.situationNoMaterials")}
                    </Typography.Paragraph>
                    {s.materials.length > 0 && <MaterialsTable materials={s.materials} />}
                  </div>
                ))}
              </Space>
            </div>
          )}

          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("detail.catalogVersion", { version: detail.catalog_version })}
          </Typography.Text>
        </Space>
      )}
    </Drawer>
  );
}
