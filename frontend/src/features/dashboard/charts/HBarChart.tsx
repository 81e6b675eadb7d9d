// A horizontal bar chart as plain SVG: one row per thing (its name on the left, its bar, and
// its value in words after the bar), in optional titled sections, over a fixed scale
// (`max`, e.g. 1 for a rate) with its ticks and an axis label. A row without a value gets no
// bar, only its words. Scales with its container (viewBox); `label` says what it shows.
import { theme } from "antd";
import { ChartSvg } from "./ChartSvg";
import { fitText } from "./scale";

export type HBarRow = {
  key: string;
  label: string;
  /** `null`: nothing to draw (the words say why). */
  value: number | null;
  /** The value in words, written after the bar. */
  valueText: string;
};

export type HBarSection = { key: string; title?: string; rows: readonly HBarRow[] };

type Props = {
  label: string;
  sections: readonly HBarSection[];
  /** The scale's end (bars are `value / max` of the plot's width). */
  max: number;
  ticks: readonly number[];
  formatTick: (value: number) => string;
  xLabel: string;
  color: string;
  width?: number;
  labelWidth?: number;
  valueWidth?: number;
  rowHeight?: number;
  testId?: string;
};

const TOP = 8;
const TITLE_H = 22;
const AXIS_H = 42;

export function HBarChart({
  label,
  sections,
  max,
  ticks,
  formatTick,
  xLabel,
  color,
  width = 720,
  labelWidth = 180,
  valueWidth = 120,
  rowHeight = 26,
  testId,
}: Props) {
  const { token } = theme.useToken();
  const plotX = labelWidth;
  const plotW = width - labelWidth - valueWidth;
  const barH = Math.round(rowHeight * 0.6);
  const x = (v: number) => plotX + (Math.max(0, Math.min(v, max)) / max) * plotW;

  // Rows and section titles, top to bottom.
  let cursor = TOP;
  const lines: { y: number; section: HBarSection; row?: HBarRow }[] = [];
  for (const section of sections) {
    if (section.title) {
      lines.push({ y: cursor, section });
      cursor += TITLE_H;
    }
    for (const row of section.rows) {
      lines.push({ y: cursor, section, row });
      cursor += rowHeight;
    }
  }
  const plotTop = TOP;
  const plotBottom = cursor;
  const height = plotBottom + AXIS_H;

  return (
    <ChartSvg label={label} testId={testId} width={width} height={height}>
      {ticks.map((v) => (
        <g key={v}>
          <line
            x1={x(v)}
            x2={x(v)}
            y1={plotTop}
            y2={plotBottom}
            stroke={v === 0 ? token.colorTextTertiary : token.colorBorderSecondary}
          />
          <text x={x(v)} y={plotBottom + 14} fontSize={11} textAnchor="middle" fill={token.colorTextSecondary}>
            {formatTick(v)}
          </text>
        </g>
      ))}
      {lines.map(({ y, section, row }) =>
        row ? (
          <g key={`${section.key}-${row.key}`}>
            <text x={plotX - 8} y={y + rowHeight / 2 + 4} fontSize={12} textAnchor="end" fill={token.colorText}>
              <title>{row.label}</title>
              {fitText(row.label, labelWidth - 16, 12)}
            </text>
            {row.value !== null && (
              <rect
                x={plotX}
                y={y + (rowHeight - barH) / 2}
                width={x(row.value) - plotX}
                height={barH}
                fill={color}
                data-row={row.key}
                data-value={row.value}
              >
                <title>{`${row.label}: ${row.valueText}`}</title>
              </rect>
            )}
            <text
              x={(row.value === null ? plotX : x(row.value)) + 6}
              y={y + rowHeight / 2 + 4}
              fontSize={11}
              fill={row.value === null ? token.colorTextTertiary : token.colorText}
              data-value-label={row.key}
            >
              {row.valueText}
            </text>
          </g>
        ) : (
          <text
            key={`${section.key}-title`}
            x={4}
            y={y + 15}
            fontSize={12}
            fontWeight={600}
            fill={token.colorTextSecondary}
            data-section={section.key}
          >
            {section.title}
          </text>
        ),
      )}
      <text
        x={plotX + plotW / 2}
        y={height - 6}
        fontSize={12}
        textAnchor="middle"
        fill={token.colorTextSecondary}
        data-axis="x"
      >
        {xLabel}
      </text>
    </ChartSvg>
  );
}
