// 材料核对: every material of the case with its form, copies, required flag and situation; while
// the case is under review each line is ticked 已收 / 缺少 / 不符合要求 (with the reason) and
// the ticks are saved together. Missing and defective lines become the one-time notice.
import { Button, Card, Input, Radio, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState, type HTMLAttributes } from "react";
import type { ChecklistLine, IpcError, LineUpdate } from "../../lib/ipc";
import { toIpcError } from "../../lib/ipc";
import { useT, type MessageKey } from "../../lib/i18n";
import { formLabel, requiredLabel } from "../../lib/format/labels";
import { newActionKey } from "../../lib/form/actionKey";
import { draftOf, isDirty, updatesOf, type Draft, type Tick } from "./checklistDraft";
import type { CaseActor } from "./useCaseDetail";

const TICKS: { value: Exclude<Tick, "pending">; label: MessageKey; color: string }[] = [
  { value: "received", label: "checklist.received", color: "green" },
  { value: "missing", label: "checklist.missing", color: "red" },
  { value: "defective", label: "checklist.defective", color: "orange" },
];

type Props = {
  lines: ChecklistLine[];
  editable: boolean;
  situationNames: Record<string, string>;
  act: CaseActor;
  onError: (error: IpcError | null) => void;
  /** The unsaved ticks (`null` when nothing is unsaved), so an action can save them first. */
  onPending?: (lines: LineUpdate[] | null) => void;
};

export function ChecklistCard({ lines, editable, situationNames, act, onError, onPending }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(lines));
  const [busy, setBusy] = useState(false);
  const dirty = editable && isDirty(lines, draft);

  useEffect(() => {
    onPending?.(dirty ? updatesOf(lines, draft) : null);
  }, [dirty, lines, draft, onPending]);

  const set = (code: string, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [code]: { tick: "pending", reason: "", ...d[code], ...patch } }));

  const allReceived = () =>
    setDraft((d) => {
      const next: Draft = { ...d };
      for (const l of lines) next[l.code] = { tick: "received", reason: "" };
      return next;
    });

  const save = async () => {
    setBusy(true);
    onError(null);
    try {
      await act({ type: "update_checklist", lines: updatesOf(lines, draft) }, newActionKey());
    } catch (e) {
      onError(toIpcError("case_act", e));
    } finally {
      setBusy(false);
    }
  };

  const statusCell = (line: ChecklistLine) => {
    const d = draft[line.code] ?? { tick: "pending" as Tick, reason: "" };
    if (!editable) {
      const tick = TICKS.find((x) => x.value === line.status.status);
      return (
        <span data-testid={`check-${line.code}-status`}>
          {tick ? <Tag color={tick.color}>{t(tick.label)}</Tag> : <Tag>{t("checklist.pending")}</Tag>}
          {line.status.status === "defective" && line.status.reason}
        </span>
      );
    }
    return (
      <Space direction="vertical" size={4} style={{ width: "100%" }}>
        <Radio.Group
          value={d.tick === "pending" ? undefined : d.tick}
          onChange={(e) => set(line.code, { tick: e.target.value as Tick })}
        >
          {TICKS.map((x) => (
            <Radio key={x.value} value={x.value}>
              <span data-testid={`check-${line.code}-${x.value}`}>{t(x.label)}</span>
            </Radio>
          ))}
        </Radio.Group>
        {d.tick === "defective" && (
          <Input
            size="small"
            data-testid={`check-${line.code}-reason`}
            placeholder={t("checklist.reasonPlaceholder")}
            value={d.reason}
            onChange={(e) => set(line.code, { reason: e.target.value })}
          />
        )}
      </Space>
    );
  };

  const columns: ColumnsType<ChecklistLine> = [
    { title: t("material.name"), dataIndex: "name", onCell: () => ({ style: { minWidth: 160 } }) },
    { title: t("material.form"), width: 96, render: (_, l) => formLabel(l.form, t) },
    { title: t("material.copies"), dataIndex: "copies", width: 56, align: "right" },
    {
      title: t("material.required"),
      width: 96,
      render: (_, l) => <Tag color={l.required ? "red" : "default"}>{requiredLabel(l.required, t)}</Tag>,
    },
    {
      title: t("checklist.situation"),
      width: 110,
      render: (_, l) => (l.situation ? (situationNames[l.situation] ?? l.situation) : ""),
    },
    { title: t("checklist.status"), width: 280, render: (_, l) => statusCell(l) },
  ];

  return (
    <Card
      size="small"
      title={t("checklist.title")}
      data-testid="case-checklist"
      extra={
        editable && (
          <Space>
            {dirty && (
              <Typography.Text type="warning" data-testid="checklist-dirty">
                {t("checklist.unsaved")}
              </Typography.Text>
            )}
            <Button size="small" data-testid="checklist-all-received" onClick={allReceived}>
              {t("checklist.allReceived")}
            </Button>
            <Button
              size="small"
              type="primary"
              loading={busy}
              data-testid="checklist-save"
              onClick={() => void save()}
            >
              {t("checklist.save")}
            </Button>
          </Space>
        )
      }
    >
      <Table<ChecklistLine>
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={lines}
        onRow={(l) => ({ "data-testid": `check-row-${l.code}` }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
