// The four charts of 数据看板, drawn by the small SVG components in charts/: cases received
// and completed per day, on-time rates per department and window, the month's cards by kind
// (with appeals), and ratings by level (with the satisfaction rate). Each says in words what
// it shows (its aria-label); a chart with nothing to show is an Empty state instead.
import { Card, Empty, Typography, theme } from "antd";
import type { ReactNode } from "react";
import type { CardFigure, CardLevel, DayFigure, RateFigure, RatingFigure } from "../../lib/ipc";
import { useT } from "../../lib/i18n";
import { CARD_LEVELS, cardLevelLabel } from "../../lib/format/caseLabels";
import { ratingLabel } from "../../lib/format/serviceLabels";
import { BarChart } from "./charts/BarChart";
import { HBarChart, type HBarRow } from "./charts/HBarChart";
import { formatRate } from "./format";

/** A chart's card: its title, and the chart or an Empty state (`<testId>-empty`). */
function ChartCard({
  title,
  testId,
  empty,
  children,
}: {
  title: string;
  testId: string;
  empty: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Card size="small" title={title} style={{ height: "100%" }}>
      {empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<span data-testid={`${testId}-empty`}>{t("dashboard.noData")}</span>}
        />
      ) : (
        children
      )}
    </Card>
  );
}

export function DaysChart({ month, days }: { month: string; days: readonly DayFigure[] }) {
  const t = useT();
  const { token } = theme.useToken();
  const received = days.reduce((n, d) => n + d.received, 0);
  const completed = days.reduce((n, d) => n + d.completed, 0);
  const busy = days
    .filter((d) => d.received > 0 || d.completed > 0)
    .map((d) => t("dashboard.days.line", { date: d.date.slice(5), received: d.received, completed: d.completed }));
  const label = [t("dashboard.days.summary", { month, received, completed }), ...busy].join(t("dashboard.groupSep"));
  return (
    <ChartCard title={t("dashboard.days.title")} testId="chart-days" empty={received === 0 && completed === 0}>
      <BarChart
        testId="chart-days"
        label={label}
        categories={days.map((d) => String(Number(d.date.slice(8))))}
        series={[
          { key: "received", name: t("dashboard.received"), color: token.blue6, values: days.map((d) => d.received) },
          {
            key: "completed",
            name: t("dashboard.completed"),
            color: token.green6,
            values: days.map((d) => d.completed),
          },
        ]}
        xLabel={t("dashboard.days.x")}
        yLabel={t("dashboard.days.y")}
        width={860}
        zeroLabels={false}
      />
    </ChartCard>
  );
}

const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];

export function OnTimeChart({
  departments,
  windows,
}: {
  departments: readonly RateFigure[];
  windows: readonly RateFigure[];
}) {
  const t = useT();
  const { token } = theme.useToken();
  const row = (f: RateFigure): HBarRow => ({
    key: f.key,
    label: f.name || f.key,
    value: f.on_time_rate,
    valueText:
      f.on_time_rate === null
        ? `${formatRate(null)} ${t("dashboard.onTime.none")}`
        : t("dashboard.onTime.value", {
            rate: formatRate(f.on_time_rate),
            onTime: f.completed_on_time,
            completed: f.completed,
          }),
  });
  const sections = [
    { key: "departments", title: t("dashboard.onTime.departments"), rows: departments.map(row) },
    { key: "windows", title: t("dashboard.onTime.windows"), rows: windows.map(row) },
  ].filter((s) => s.rows.length > 0);
  const lines = sections.map((s) =>
    t("dashboard.onTime.section", {
      title: s.title,
      rows: s.rows.map((r) => `${r.label} ${r.valueText}`).join(t("dashboard.listSep")),
    }),
  );
  return (
    <ChartCard title={t("dashboard.onTime.title")} testId="chart-on-time" empty={sections.length === 0}>
      <HBarChart
        testId="chart-on-time"
        label={t("dashboard.onTime.summary", { lines: lines.join(t("dashboard.groupSep")) })}
        sections={sections}
        max={1}
        ticks={RATE_TICKS}
        formatTick={(v) => `${Math.round(v * 100)}%`}
        xLabel={t("dashboard.onTime.x")}
        color={token.cyan6}
      />
    </ChartCard>
  );
}

export function CardsChart({ cards }: { cards: CardFigure }) {
  const t = useT();
  const { token } = theme.useToken();
  const colors: Record<CardLevel, string> = {
    yellow: token.gold6,
    red: token.red6,
    follow_up_late: token.orange6,
    rectify_late: token.volcano6,
  };
  const values = CARD_LEVELS.map((level) => cards[level]);
  const names = CARD_LEVELS.map((level) => cardLevelLabel(level, t));
  const lines = CARD_LEVELS.map((level, i) => t("dashboard.cards.count", { kind: names[i] ?? level, count: cards[level] }));
  const empty = values.every((v) => v === 0) && cards.appealed === 0 && cards.cancelled === 0;
  return (
    <ChartCard title={t("dashboard.cards.title")} testId="chart-cards" empty={empty}>
      <BarChart
        testId="chart-cards"
        label={t("dashboard.cards.summary", {
          lines: lines.join(t("dashboard.listSep")),
          appealed: cards.appealed,
          cancelled: cards.cancelled,
        })}
        categories={names}
        series={[
          {
            key: "cards",
            name: t("dashboard.cards.title"),
            color: token.gold6,
            colors: CARD_LEVELS.map((level) => colors[level]),
            values,
          },
        ]}
        xLabel={t("dashboard.cards.x")}
        yLabel={t("dashboard.cards.y")}
        width={420}
        height={260}
      />
      <Typography.Text type="secondary" data-testid="chart-cards-appeals">
        {t("dashboard.cards.appeals", { appealed: cards.appealed, cancelled: cards.cancelled })}
      </Typography.Text>
    </ChartCard>
  );
}

export function RatingsChart({
  ratings,
  satisfaction,
}: {
  ratings: readonly RatingFigure[];
  satisfaction: number | null;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const colors: Record<RatingFigure["rating"], string> = {
    very_satisfied: token.green6,
    satisfied: token.green4,
    basic: token.blue5,
    dissatisfied: token.orange6,
    very_dissatisfied: token.red6,
  };
  const names = ratings.map((r) => ratingLabel(r.rating, t));
  const rate = formatRate(satisfaction);
  const lines = ratings.map((r, i) => t("dashboard.ratings.count", { rating: names[i] ?? r.rating, count: r.count }));
  return (
    <ChartCard
      title={t("dashboard.ratings.title")}
      testId="chart-ratings"
      empty={ratings.every((r) => r.count === 0)}
    >
      <BarChart
        testId="chart-ratings"
        label={t("dashboard.ratings.summary", { lines: lines.join(t("dashboard.listSep")), rate })}
        categories={names}
        series={[
          {
            key: "ratings",
            name: t("dashboard.ratings.title"),
            color: token.green6,
            colors: ratings.map((r) => colors[r.rating]),
            values: ratings.map((r) => r.count),
          },
        ]}
        xLabel={t("dashboard.ratings.x")}
        yLabel={t("dashboard.ratings.y")}
        width={420}
        height={260}
      />
      <Typography.Text strong data-testid="chart-ratings-satisfaction">
        {t("dashboard.ratings.satisfaction", { rate })}
      </Typography.Text>
    </ChartCard>
  );
}
