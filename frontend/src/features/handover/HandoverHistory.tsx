// The window's past handovers (latest first): who handed to whom, why, when it started and
// ended, how many cases; each sheet (交接单, and 交回单 once returned) can be printed again.
import { Button, Card, Space, Table } from "antd";
import type { HTMLAttributes } from "react";
import type { HandoverInfo } from "../../lib/ipc";
import { useT } from "../../lib/i18n";

type Props = {
  history: HandoverInfo[];
  onPrint: (handoverId: string, back: boolean) => void;
};

export function HandoverHistory({ history, onPrint }: Props) {
  const t = useT();
  return (
    <Card size="small" title={t("handover.historyTitle")}>
      <Table<HandoverInfo>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="handover-history"
        dataSource={history}
        onRow={(h) => ({ "data-testid": `handover-history-${h.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t("handover.noHistory") }}
        columns={[
          {
            title: t("handover.fromTo"),
            width: 180,
            render: (_, h) => t("handover.fromToLine", { from: h.from_name, to: h.to_name }),
          },
          { title: t("handover.reason"), dataIndex: "reason" },
          { title: t("handover.since"), dataIndex: "started_at", width: 150 },
          {
            title: t("handover.endedAt"),
            width: 150,
            render: (_, h) => h.ended_at ?? t("handover.ongoing"),
          },
          {
            title: t("handover.col.cases"),
            width: 90,
            render: (_, h) => h.handed.length,
          },
          {
            title: "",
            width: 220,
            render: (_, h) => (
              <Space size={4}>
                <Button size="small" data-testid={`handover-print-${h.id}`} onClick={() => onPrint(h.id, false)}>
                  {t("handover.printSheet")}
                </Button>
                {h.ended_at && (
                  <Button size="small" data-testid={`handover-print-back-${h.id}`} onClick={() => onPrint(h.id, true)}>
                    {t("handover.printReturnSheet")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
