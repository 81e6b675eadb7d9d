// 数据看板 over a fake backend: the counter's month by default and the month typed (a
// malformed one never reaches the backend), the headline figures with their rates, the four
// charts saying their figures in words, a chart with nothing to show, an empty month, and a
// window not set up.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Dashboard, DashboardRequest } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { CALENDAR } from "../../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { DashboardPage } from "./DashboardPage";

const DECEMBER: Dashboard = {
  month: "2026-12",
  scope: "县市场监督管理局",
  days: [
    { date: "2026-12-01", received: 3, completed: 1 },
    { date: "2026-12-02", received: 0, completed: 0 },
    { date: "2026-12-03", received: 6, completed: 4 },
  ],
  departments: [{ key: "SCJG", name: "县市场监督管理局", completed: 5, completed_on_time: 4, on_time_rate: 0.8 }],
  windows: [
    { key: "W03", name: "3号窗口", completed: 3, completed_on_time: 2, on_time_rate: 2 / 3 },
    { key: "W05", name: "5号窗口", completed: 2, completed_on_time: 2, on_time_rate: 1 },
    { key: "W07", name: "7号窗口", completed: 0, completed_on_time: 0, on_time_rate: null },
  ],
  cards: { yellow: 4, red: 1, follow_up_late: 0, rectify_late: 2, appealed: 1, cancelled: 1 },
  ratings: [
    { rating: "very_satisfied", count: 20 },
    { rating: "satisfied", count: 4 },
    { rating: "basic", count: 1 },
    { rating: "dissatisfied", count: 0 },
    { rating: "very_dissatisfied", count: 1 },
  ],
  satisfaction_rate: 24 / 26,
  received: 9,
  completed: 5,
  on_time_rate: 0.8,
};

const NOVEMBER_EMPTY: Dashboard = {
  ...DECEMBER,
  month: "2026-11",
  days: [
    { date: "2026-11-01", received: 0, completed: 0 },
    { date: "2026-11-02", received: 0, completed: 0 },
  ],
  departments: [{ key: "SCJG", name: "县市场监督管理局", completed: 0, completed_on_time: 0, on_time_rate: null }],
  windows: [],
  cards: { yellow: 0, red: 0, follow_up_late: 0, rectify_late: 0, appealed: 0, cancelled: 0 },
  ratings: DECEMBER.ratings.map((r) => ({ ...r, count: 0 })),
  satisfaction_rate: null,
  received: 0,
  completed: 0,
  on_time_rate: null,
};

let requests: DashboardRequest[];
let answer: (req: DashboardRequest) => unknown;

beforeEach(() => {
  requests = [];
  answer = (req) => (req.month === "2026-11" ? NOVEMBER_EMPTY : DECEMBER);
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      calendar_info: () => CALENDAR,
      dashboard: (req: DashboardRequest) => {
        requests.push(req);
        return answer(req);
      },
    }),
  );
});

function renderPage(onGoSettings: () => void = () => {}) {
  return render(
    <AntApp>
      <DashboardPage onGoSettings={onGoSettings} />
    </AntApp>,
  );
}

const labelOf = (testId: string) => screen.getByTestId(testId).getAttribute("aria-label") ?? "";

describe("dashboard page", () => {
  it("reads the counter's month and shows its headline figures", async () => {
    renderPage();
    const month = screen.getByTestId("dashboard-month") as HTMLInputElement;
    await waitFor(() => expect(month.value).toBe("2026-12"));
    expect(await screen.findByTestId("dashboard-received")).toHaveTextContent("9");
    expect(requests).toEqual([{ month: "2026-12" }]);
    expect(screen.getByTestId("dashboard-received")).toHaveTextContent("收件");
    expect(screen.getByTestId("dashboard-completed")).toHaveTextContent("5");
    expect(screen.getByTestId("dashboard-on-time")).toHaveTextContent("按时办结率80.0%");
    expect(screen.getByTestId("dashboard-satisfaction")).toHaveTextContent("满意率92.3%");
    expect(screen.getByTestId("dashboard-scope")).toHaveTextContent("县市场监督管理局");
    expect(screen.getByTestId("dashboard-intro")).toHaveTextContent("本机缓存中本部门");
  });

  it("draws the four charts, each saying its figures in words", async () => {
    renderPage();
    const days = await screen.findByTestId("chart-days");
    expect(days).toHaveAttribute("role", "img");
    expect(labelOf("chart-days")).toContain("2026-12 每日收件与办结：共收件 9 件，办结 5 件");
    expect(labelOf("chart-days")).toContain("12-01 收件 3 件、办结 1 件");
    expect(labelOf("chart-days")).toContain("12-03 收件 6 件、办结 4 件");
    expect(labelOf("chart-days")).not.toContain("12-02");
    // One bar per day and series, the day's number below.
    expect(days.querySelectorAll('rect[data-series="received"]')).toHaveLength(3);
    expect(days.querySelectorAll('rect[data-series="completed"]')).toHaveLength(3);
    expect(days.querySelector('[data-axis="x"]')).toHaveTextContent("日期");

    const onTime = labelOf("chart-on-time");
    expect(onTime).toContain("部门：县市场监督管理局 80.0%（4/5）");
    expect(onTime).toContain("窗口：3号窗口 66.7%（2/3），5号窗口 100.0%（2/2），7号窗口 — 无办结");
    const rateBars = screen.getByTestId("chart-on-time").querySelectorAll("rect[data-row]");
    expect([...rateBars].map((r) => r.getAttribute("data-row"))).toEqual(["SCJG", "W03", "W05"]);

    const cards = labelOf("chart-cards");
    expect(cards).toContain("黄牌 4 张，红牌 1 张，差评回访逾期 0 张，差评整改逾期 2 张");
    expect(cards).toContain("申诉待裁定 1 张，申诉撤销 1 张");
    expect(screen.getByTestId("chart-cards-appeals")).toHaveTextContent("申诉待裁定 1 张；申诉撤销 1 张（不计入上图）");

    const ratings = labelOf("chart-ratings");
    expect(ratings).toContain("非常满意 20 次，满意 4 次，基本满意 1 次，不满意 0 次，非常不满意 1 次");
    expect(ratings).toContain("满意率 92.3%");
    expect(screen.getByTestId("chart-ratings-satisfaction")).toHaveTextContent("满意率 92.3%");
  });

  it("shows a chart with nothing to show as empty, and a missing rate as a dash", async () => {
    answer = () => ({
      ...DECEMBER,
      ratings: DECEMBER.ratings.map((r) => ({ ...r, count: 0 })),
      satisfaction_rate: null,
      on_time_rate: null,
    });
    renderPage();
    expect(await screen.findByTestId("chart-ratings-empty")).toHaveTextContent("本月暂无数据");
    expect(screen.queryByTestId("chart-ratings")).not.toBeInTheDocument();
    expect(screen.getByTestId("chart-days")).toBeInTheDocument();
    expect(screen.getByTestId("dashboard-satisfaction")).toHaveTextContent("—");
    expect(screen.getByTestId("dashboard-on-time")).toHaveTextContent("—");
  });

  it("reads the month typed, and shows an empty month as such instead of blank charts", async () => {
    renderPage();
    await screen.findByTestId("chart-days");
    fireEvent.change(screen.getByTestId("dashboard-month"), { target: { value: "2026-11" } });
    expect(await screen.findByTestId("dashboard-empty")).toHaveTextContent("2026-11 没有办件数据");
    expect(requests).toEqual([{ month: "2026-12" }, { month: "2026-11" }]);
    for (const chart of ["chart-days", "chart-on-time", "chart-cards", "chart-ratings"]) {
      expect(screen.queryByTestId(chart)).not.toBeInTheDocument();
    }
    expect(screen.getByTestId("dashboard-received")).toHaveTextContent("0");
    expect(screen.getByTestId("dashboard-on-time")).toHaveTextContent("—");
  });

  it("never sends a malformed month", async () => {
    renderPage();
    await screen.findByTestId("chart-days");
    const input = screen.getByTestId("dashboard-month");
    for (const bad of ["2026-13", "2026/11", "2026-1"]) {
      fireEvent.change(input, { target: { value: bad } });
      expect(screen.getByTestId("dashboard-month-invalid")).toHaveTextContent("2026-11");
    }
    expect(screen.queryByTestId("chart-days")).not.toBeInTheDocument();
    expect(requests).toEqual([{ month: "2026-12" }]);
  });

  it("shows the backend's refusal, and points to settings when the window is not set up", async () => {
    answer = () => apiError("storage_failed", "无法读取本机数据");
    const first = renderPage();
    expect(await screen.findByTestId("dashboard-error")).toHaveTextContent("无法读取本机数据");
    first.unmount();

    answer = () => apiError("workstation_not_configured", "本窗口尚未设置");
    const onGoSettings = vi.fn();
    renderPage(onGoSettings);
    fireEvent.click(await screen.findByTestId("workstation-go-settings"));
    expect(onGoSettings).toHaveBeenCalled();
  });
});
