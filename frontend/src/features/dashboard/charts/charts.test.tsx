// The dashboard's SVG charts: bars in proportion to their values on a round axis, a value on
// each bar, axis and category labels, a legend for several series, the accessible name; the
// horizontal chart's bars over a fixed scale and its rows without a value.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatRate } from "../format";
import { BAR_MARGIN, BarChart } from "./BarChart";
import { HBarChart } from "./HBarChart";
import { fitText, niceScale, ticksOf } from "./scale";

const num = (el: Element, attr: string) => Number(el.getAttribute(attr));

function bars(svg: HTMLElement, series?: string): Element[] {
  return [...svg.querySelectorAll(series ? `rect[data-series="${series}"]` : "rect[data-value]")];
}

describe("niceScale", () => {
  it("rounds the axis up in steps of 1, 2 or 5 × 10ⁿ, whole for counts", () => {
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(1)).toEqual({ top: 1, step: 1 });
    expect(niceScale(5)).toEqual({ top: 6, step: 2 });
    expect(niceScale(8)).toEqual({ top: 8, step: 2 });
    expect(niceScale(37)).toEqual({ top: 40, step: 10 });
    expect(niceScale(100)).toEqual({ top: 100, step: 50 });
    expect(ticksOf(6, 2)).toEqual([0, 2, 4, 6]);
  });

  it("cuts a label that does not fit", () => {
    expect(fitText("3号窗口", 100, 12)).toBe("3号窗口");
    expect(fitText("县市场监督管理局行政审批服务科", 60, 12)).toBe("县市场监…");
  });
});

describe("formatRate", () => {
  it("writes a rate as a percent with one decimal, or a dash", () => {
    expect(formatRate(2 / 3)).toBe("66.7%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(0)).toBe("0.0%");
    expect(formatRate(null)).toBe("—");
  });
});

describe("BarChart", () => {
  const renderChart = () =>
    render(
      <BarChart
        testId="chart"
        label="每日收件与办结：共收件 6 件"
        categories={["1", "2", "3"]}
        series={[
          { key: "received", name: "收件", color: "#1677ff", values: [2, 4, 0] },
          { key: "completed", name: "办结", color: "#52c41a", values: [1, 3, 5] },
        ]}
        xLabel="日期"
        yLabel="件数"
        width={600}
        height={300}
      />,
    );

  it("is an image named by its summary", () => {
    renderChart();
    const svg = screen.getByRole("img", { name: "每日收件与办结：共收件 6 件" });
    expect(svg).toBe(screen.getByTestId("chart"));
    expect(svg.getAttribute("viewBox")).toBe("0 0 600 300");
    expect(svg.getAttribute("width")).toBe("100%");
  });

  it("draws each bar in proportion to its value, from the baseline", () => {
    renderChart();
    const svg = screen.getByTestId("chart");
    const received = bars(svg, "received");
    const completed = bars(svg, "completed");
    expect(received.map((b) => num(b, "data-value"))).toEqual([2, 4, 0]);
    expect(completed.map((b) => num(b, "data-value"))).toEqual([1, 3, 5]);

    // The axis runs to 6 (max 5, steps of 2): a value v is v/6 of the plot's height.
    const plotH = 300 - BAR_MARGIN.top - BAR_MARGIN.bottom;
    const baseline = BAR_MARGIN.top + plotH;
    for (const b of [...received, ...completed]) {
      const v = num(b, "data-value");
      expect(num(b, "height")).toBeCloseTo((v / 6) * plotH, 6);
      expect(num(b, "y") + num(b, "height")).toBeCloseTo(baseline, 6);
    }
    expect(num(received[1]!, "height")).toBeCloseTo(2 * num(received[0]!, "height"), 6);
    expect(num(received[2]!, "height")).toBe(0);
    // Side by side within a category, categories left to right.
    expect(num(completed[0]!, "x")).toBeGreaterThan(num(received[0]!, "x"));
    expect(num(received[1]!, "x")).toBeGreaterThan(num(completed[0]!, "x"));
  });

  it("writes the value on each bar, the ticks, the axis labels, the categories and a legend", () => {
    renderChart();
    const svg = screen.getByTestId("chart");
    const values = [...svg.querySelectorAll("[data-value-label]")].map((t) => t.textContent);
    expect(values).toEqual(["2", "1", "4", "3", "0", "5"]);
    expect(svg.querySelector('[data-axis="x"]')).toHaveTextContent("日期");
    expect(svg.querySelector('[data-axis="y"]')).toHaveTextContent("件数");
    expect([...svg.querySelectorAll("[data-category-label]")].map((t) => t.textContent)).toEqual(["1", "2", "3"]);
    for (const tick of ["0", "2", "4", "6"]) expect(within(svg).getAllByText(tick).length).toBeGreaterThan(0);
    const legend = svg.querySelector("[data-legend]");
    expect(legend).toHaveTextContent("收件");
    expect(legend).toHaveTextContent("办结");
  });

  it("colours bars by category when asked, leaves out zero labels on dense charts, and has no legend for one series", () => {
    render(
      <BarChart
        testId="chart"
        label="预警"
        categories={["黄牌", "红牌"]}
        series={[{ key: "cards", name: "预警", color: "#000", colors: ["#faad14", "#f5222d"], values: [3, 0] }]}
        xLabel="类别"
        yLabel="张数"
        zeroLabels={false}
      />,
    );
    const svg = screen.getByTestId("chart");
    expect(bars(svg).map((b) => b.getAttribute("fill"))).toEqual(["#faad14", "#f5222d"]);
    expect([...svg.querySelectorAll("[data-value-label]")].map((t) => t.textContent)).toEqual(["3"]);
    expect(svg.querySelector("[data-legend]")).toBeNull();
  });
});

describe("HBarChart", () => {
  it("draws rates over a fixed scale, in sections, and words a row without a value", () => {
    render(
      <HBarChart
        testId="chart"
        label="按时办结率"
        sections={[
          { key: "d", title: "部门", rows: [{ key: "SCJG", label: "县市场监督管理局", value: 0.5, valueText: "50.0%（1/2）" }] },
          {
            key: "w",
            title: "窗口",
            rows: [
              { key: "W03", label: "3号窗口", value: 1, valueText: "100.0%（2/2）" },
              { key: "W05", label: "5号窗口", value: null, valueText: "— 无办结" },
            ],
          },
        ]}
        max={1}
        ticks={[0, 0.5, 1]}
        formatTick={(v) => `${v * 100}%`}
        xLabel="按时办结率（%）"
        color="#13c2c2"
        width={700}
        labelWidth={180}
        valueWidth={120}
      />,
    );
    const svg = screen.getByRole("img", { name: "按时办结率" });
    const rects = bars(svg);
    expect(rects.map((r) => r.getAttribute("data-row"))).toEqual(["SCJG", "W03"]);
    // The plot is 700 − 180 − 120 = 400 wide: a rate r is r × 400.
    expect(num(rects[0]!, "width")).toBeCloseTo(200, 6);
    expect(num(rects[1]!, "width")).toBeCloseTo(400, 6);
    expect(num(rects[0]!, "x")).toBe(180);
    expect(svg.querySelector('[data-value-label="W05"]')).toHaveTextContent("— 无办结");
    expect(svg.querySelector('[data-value-label="SCJG"]')).toHaveTextContent("50.0%（1/2）");
    expect(svg.querySelector('[data-section="d"]')).toHaveTextContent("部门");
    expect(svg.querySelector('[data-section="w"]')).toHaveTextContent("窗口");
    expect(svg).toHaveTextContent("县市场监督管理局");
    expect(svg).toHaveTextContent("100%");
    expect(svg.querySelector('[data-axis="x"]')).toHaveTextContent("按时办结率（%）");
  });
});
