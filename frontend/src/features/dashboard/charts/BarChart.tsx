// A vertical bar chart as plain SVG: categories along the bottom, one bar per series in each
// category (grouped), a y axis from zero with round ticks, axis labels, a value on each bar
// and a legend when there are several series. It scales with its container (viewBox); the
// caller says in words what it shows (`label`, read by screen readers and tests).
import { theme } from "antd";
import { ChartSvg } from "./ChartSvg";
import { fitText, niceScale, ticksOf } from "./scale";

export type BarSeries = {
  key: string;
  name: string;
  color: string;
  /** One value per category. */
  values: readonly number[];
  /** A colour per category, instead of `color` (a single series of kinds). */
  colors?: readonly string[];
};

type Props = {
  /** What the chart shows, in words: the SVG's accessible name. */
  label: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** Writes "0" over empty bars too (off for dense charts, e.g. the days of a month). */
  zeroLabels?: boolean;
  testId?: string;
};

export const BAR_MARGIN = { left: 52, right: 16, top: 42, bottom: 46 } as const;

export function BarChart({
  label,
  categories,
  series,
  xLabel,
  yLabel,
  width = 720,
  height = 280,
  zeroLabels = true,
  testId,
}: Props) {
  const { token } = theme.useToken();
  const m = BAR_MARGIN;
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const bottom = m.top + plotH;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const { top, step } = niceScale(max);
  const groupW = categories.length > 0 ? plotW / categories.length : plotW;
  const barW = (groupW * 0.72) / Math.max(1, series.length);
  const valueFont = Math.max(8, Math.min(11, barW * 0.9));
  // Every k-th category is named when they are too many to name all.
  const every = Math.max(1, Math.ceil(22 / groupW));
  const y = (v: number) => bottom - (v / top) * plotH;

  return (
    <ChartSvg label={label} testId={testId} width={width} height={height}>
      {ticksOf(top, step).map((v) => (
        <g key={v}>
          <line
            x1={m.left}
            x2={m.left + plotW}
            y1={y(v)}
            y2={y(v)}
            stroke={v === 0 ? token.colorTextTertiary : token.colorBorderSecondary}
          />
          <text x={m.left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill={token.colorTextSecondary}>
            {v}
          </text>
        </g>
      ))}
      {categories.map((category, i) => {
        const groupX = m.left + i * groupW + groupW * 0.14;
        return (
          <g key={`${i}-${category}`}>
            {series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const h = bottom - y(v);
              const x = groupX + j * barW;
              return (
                <g key={s.key}>
                  <rect
                    x={x}
                    y={bottom - h}
                    width={Math.max(1, barW - 1)}
                    height={h}
                    fill={s.colors?.[i] ?? s.color}
                    data-series={s.key}
                    data-category={category}
                    data-value={v}
                  >
                    <title>{`${s.name} · ${category}: ${v}`}</title>
                  </rect>
                  {(v > 0 || zeroLabels) && (
                    <text
                      x={x + barW / 2}
                      y={bottom - h - 3}
                      fontSize={valueFont}
                      textAnchor="middle"
                      fill={token.colorText}
                      data-value-label={s.key}
                    >
                      {v}
                    </text>
                  )}
                </g>
              );
            })}
            {i % every === 0 && (
              <text
                x={m.left + i * groupW + groupW / 2}
                y={bottom + 16}
                fontSize={11}
                textAnchor="middle"
                fill={token.colorTextSecondary}
                data-category-label=""
              >
                {fitText(category, Math.max(groupW * every - 4, 12), 11)}
              </text>
            )}
          </g>
        );
      })}
      <text
        x={m.left + plotW / 2}
        y={height - 6}
        fontSize={12}
        textAnchor="middle"
        fill={token.colorTextSecondary}
        data-axis="x"
      >
        {xLabel}
      </text>
      <text
        transform={`translate(14 ${m.top + plotH / 2}) rotate(-90)`}
        fontSize={12}
        textAnchor="middle"
        fill={token.colorTextSecondary}
        data-axis="y"
      >
        {yLabel}
      </text>
      {series.length > 1 && <Legend series={series} right={width - m.right} color={token.colorText} />}
    </ChartSvg>
  );
}

/** The series' names with their colours, right-aligned above the plot. */
function Legend({ series, right, color }: { series: readonly BarSeries[]; right: number; color: string }) {
  const itemW = 84;
  const left = right - series.length * itemW;
  return (
    <g data-legend="">
      {series.map((s, i) => (
        <g key={s.key} transform={`translate(${left + i * itemW} 8)`}>
          <rect width={10} height={10} y={1} fill={s.color} />
          <text x={14} y={10} fontSize={11} fill={color}>
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}
