// The situations (情形) of the chosen item as checkboxes: each one adds materials to the
// checklist, so the clerk ticks the ones that apply before submitting.
import { Checkbox, Form, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, type Situation } from "../../lib/ipc";
import { useT } from "../../lib/i18n";

/** The code of the situation 委托代理人办理: it goes with the form's 代理人办理 switch. */
export const AGENT_SITUATION = "agent";

/** The situations of the chosen item (none while it loads or when no item is chosen). */
export function useItemSituations(itemCode: string | undefined): Situation[] {
  const [loaded, setLoaded] = useState<{ code: string; list: Situation[] } | null>(null);

  useEffect(() => {
    if (!itemCode) return;
    let live = true;
    api.catalogItem({ code: itemCode }).then(
      (d) => {
        if (live) setLoaded({ code: itemCode, list: d.item.situations });
      },
      () => {
        if (live) setLoaded({ code: itemCode, list: [] });
      },
    );
    return () => {
      live = false;
    };
  }, [itemCode]);

  return loaded && loaded.code === itemCode ? loaded.list : [];
}

export function SituationsField({
  itemCode,
  situations,
}: {
  itemCode: string | undefined;
  situations: readonly Situation[];
}) {
  const t = useT();
  if (!itemCode) return null;
  if (situations.length === 0) {
    return (
      <Form.Item label={t("intake.situations")}>
        <Typography.Text type="secondary">{t("intake.noSituations")}</Typography.Text>
      </Form.Item>
    );
  }
  return (
    <Form.Item name="situations" label={t("intake.situations")} data-testid="intake-field-situations">
      <Checkbox.Group data-testid="intake-situations">
        {situations.map((s) => (
          <Checkbox key={s.code} value={s.code}>
            <span data-testid={`intake-situation-${s.code}`}>{s.name}</span>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Form.Item>
  );
}
