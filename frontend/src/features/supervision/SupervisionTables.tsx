// The 电子监察 board's two tables: the tally per window (yellow, red, late rectification,
// appeals waiting), and one row per card (data-testid supervision-card, with the case number
// and the card's level as data attributes) with its appeal and ruling, and the row's 申诉 /
// 裁定 where the logged-in user may.
import { Button, Empty, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { SupervisedCard, WindowCards } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import {
  CARD_LEVEL_COLORS,
  CARD_STATUS_COLORS,
  cardLevelLabel,
  cardStatusLabel,
} from "../../lib/format/caseLabels";
import { formatChinaTime } from "../../lib/format/time";

/** A card's row key: a case has at most one card of each level. */
export function cardKey(c: SupervisedCard): string {
  return `${c.case_id}:${c.level}`;
}

/** The day of an instant, in China time. */
export function chinaDay(at: string): string {
  return formatChinaTime(at).split(" ")[0] ?? at;
}

export function windowName(w: { window_code: string; window_name: string }): string {
  return w.window_name || w.window_code;
}

export function WindowsTable({ rows }: { rows: WindowCards[] }) {
  const t = useT();
  // Counts above zero stand out, in the card's own colour.
  const count = (n: number, type: "warning" | "danger") =>
    n > 0 ? (
      <Typography.Text strong type={type}>
        {n}
      </Typography.Text>
    ) : (
      n
    );
  const columns: ColumnsType<WindowCards> = [
    { title: t("supervision.col.window"), key: "window", render: (_, w) => windowName(w) },
    {
      title: t("supervision.col.yellow"),
      key: "yellow",
      width: 110,
      align: "right",
      render: (_, w) => <span data-testid="window-yellow">{count(w.yellow, "warning")}</span>,
    },
    {
      title: t("supervision.col.red"),
      key: "red",
      width: 110,
      align: "right",
      render: (_, w) => <span data-testid="window-red">{count(w.red, "danger")}</span>,
    },
    {
      title: t("supervision.col.rectification"),
      key: "rectification",
      width: 130,
      align: "right",
      render: (_, w) => <span data-testid="window-rectification">{count(w.rectification, "warning")}</span>,
    },
    {
      title: t("supervision.col.appealed"),
      key: "appealed",
      width: 130,
      align: "right",
      render: (_, w) => <span data-testid="window-appealed">{count(w.appealed, "warning")}</span>,
    },
  ];
  return (
    <Table<WindowCards>
      rowKey="window_code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      data-testid="supervision-windows"
      onRow={(w) => ({ "data-testid": `supervision-window-${w.window_code}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}

type CardsProps = {
  rows: SupervisedCard[];
  loading: boolean;
  /** The board has cards, but none passes the filters. */
  filtered: boolean;
  onOpenCase: (caseId: string) => void;
  /** Present when the logged-in user may appeal: 申诉 on each card not appealed yet. */
  onAppeal?: (card: SupervisedCard) => void;
  /** Present for a supervisor: 裁定 on each appeal waiting. */
  onRule?: (card: SupervisedCard) => void;
};

export function CardsTable({ rows, loading, filtered, onOpenCase, onAppeal, onRule }: CardsProps) {
  const t = useT();
  const columns: ColumnsType<SupervisedCard> = [
    {
      title: t("queue.col.caseNo"),
      key: "case_no",
      width: 215,
      render: (_, c) => (
        <Typography.Link onClick={() => onOpenCase(c.case_id)} data-testid="supervision-case-open">
          {c.case_no}
        </Typography.Link>
      ),
    },
    {
      title: t("queue.col.item"),
      key: "item",
      width: 150,
      render: (_, c) => (
        <>
          {c.item_name}
          {!c.case_open && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("supervision.caseClosed")}
              </Typography.Text>
            </>
          )}
        </>
      ),
    },
    { title: t("supervision.col.window"), key: "window", width: 80, render: (_, c) => windowName(c) },
    { title: t("supervision.col.clerk"), key: "clerk", width: 90, render: (_, c) => c.clerk },
    {
      title: t("supervision.col.card"),
      key: "card",
      width: 100,
      render: (_, c) => (
        <Tag color={CARD_LEVEL_COLORS[c.level]} data-testid="card-level">
          {cardLevelLabel(c.level, t)}
        </Tag>
      ),
    },
    {
      title: `${t("supervision.col.raised")} / ${t("supervision.col.due")}`,
      key: "dates",
      width: 110,
      render: (_, c) => (
        <>
          <div data-testid="card-raised">{chinaDay(c.raised_at)}</div>
          <Typography.Text type="secondary" data-testid="card-due">
            {c.due_date}
          </Typography.Text>
        </>
      ),
    },
    {
      title: `${t("supervision.col.status")} / ${t("supervision.col.appeal")}`,
      key: "status",
      render: (_, c) => (
        <>
          <Tag color={CARD_STATUS_COLORS[c.status]} bordered={false} data-testid="card-status">
            {cardStatusLabel(c.status, t)}
          </Tag>
          {c.appeal && (
            <div style={{ fontSize: 12, marginTop: 4 }}>
              <div data-testid="card-appeal">
                {t("supervision.appealLine", {
                  reason: c.appeal.reason,
                  by: c.appeal.by,
                  at: formatChinaTime(c.appeal.at),
                })}
              </div>
              {c.appeal.ruling && (
                <div data-testid="card-ruling">
                  {t("supervision.rulingLine", {
                    note: c.appeal.ruling.note,
                    by: c.appeal.ruling.by,
                    at: formatChinaTime(c.appeal.ruling.at),
                  })}
                </div>
              )}
            </div>
          )}
        </>
      ),
    },
  ];
  if (onAppeal || onRule) {
    columns.push({
      title: t("supervision.col.actions"),
      key: "actions",
      width: 80,
      render: (_, c) => (
        <Space>
          {onAppeal && c.status === "standing" && (
            <Button size="small" data-testid="appeal-open" onClick={() => onAppeal(c)}>
              {t("supervision.appeal")}
            </Button>
          )}
          {onRule && c.status === "appealed" && (
            <Button type="primary" size="small" data-testid="rule-open" onClick={() => onRule(c)}>
              {t("supervision.rule")}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Table<SupervisedCard>
      rowKey={cardKey}
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      data-testid="supervision-cards"
      onRow={(c) =>
        ({ "data-testid": "supervision-card", "data-case-no": c.case_no, "data-level": c.level }) as HTMLAttributes<HTMLElement>
      }
      locale={{
        emptyText: loading ? (
          " "
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <span data-testid={filtered ? "supervision-none-match" : "supervision-empty"}>
                {t(filtered ? "supervision.noneMatch" : "supervision.empty")}
              </span>
            }
          />
        ),
      }}
    />
  );
}
