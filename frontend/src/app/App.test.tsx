// Integration test of the UI over a fake backend: first start, catalog search, item detail, settings.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CatalogStatus, Lang, SearchItemsRequest } from "../lib/ipc";
import {
  CALENDAR,
  DEPARTMENTS,
  DETAIL,
  DUE,
  LOADED_STATUS,
  searchItems,
  workstation,
} from "../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { App } from "./App";

let status: CatalogStatus;
let lang: Lang;
let importAnswer: () => Promise<unknown>;
const searches: SearchItemsRequest[] = [];

function backend(command: string, args: { req: unknown }): Promise<unknown> {
  switch (command) {
    case "settings_get":
      return Promise.resolve({ lang, data_dir: "/var/lib/yichuang" });
    case "settings_set_language":
      lang = (args.req as { lang: Lang }).lang;
      return Promise.resolve({ lang, data_dir: "/var/lib/yichuang" });
    case "catalog_status":
      return Promise.resolve(status);
    case "catalog_load_demo":
      status = LOADED_STATUS;
      return Promise.resolve({ version: "2026.11", item_count: 24, changed: true });
    case "catalog_import":
      return importAnswer();
    case "catalog_departments":
      return Promise.resolve(DEPARTMENTS);
    case "catalog_search": {
      const req = args.req as SearchItemsRequest;
      searches.push(req);
      return Promise.resolve(searchItems(req));
    }
    case "catalog_item":
      return Promise.resolve(DETAIL);
    case "calendar_due_date":
      return Promise.resolve(DUE);
    case "calendar_info":
      return Promise.resolve(CALENDAR);
    case "workstation_get":
      return Promise.resolve(workstation(null));
    case "session_current":
      return Promise.resolve({ enrolled: false, user: null });
    case "case_queue":
    case "alerts_list":
      return Promise.resolve([]);
    case "supervision_board":
      return Promise.resolve({
        department_name: "县市场监督管理局",
        cards: [],
        windows: [],
        can_appeal: true,
        can_rule: false,
      });
    case "dashboard":
      return Promise.resolve({
        month: (args.req as { month: string }).month,
        scope: "县市场监督管理局",
        days: [{ date: "2026-12-01", received: 2, completed: 1 }],
        departments: [],
        windows: [],
        cards: { yellow: 0, red: 0, follow_up_late: 0, rectify_late: 0, appealed: 0, cancelled: 0 },
        ratings: [],
        satisfaction_rate: null,
        received: 2,
        completed: 1,
        on_time_rate: 1,
      });
    default:
      return Promise.reject(`unknown command ${command}`);
  }
}

describe("App", () => {
  beforeEach(() => {
    status = { current: null, versions: [] };
    lang = "zh-CN";
    importAnswer = () =>
      Promise.reject({
        code: "catalog_invalid",
        message: "目录文件第 12 行：缺少 version 字段\n请向县数据中心索取正确文件。",
      });
    searches.length = 0;
    invoke.mockImplementation(backend);
  });

  it("offers the demo catalog on first start, then the queue asks for the window setup", async () => {
    render(<App />);
    const loadDemo = await screen.findByTestId("welcome-load-demo");
    expect(screen.getByTestId("welcome-import-file")).toBeVisible();
    fireEvent.click(loadDemo);

    // The queue is the clerk's start page; without a window profile it points to settings.
    expect(await screen.findByTestId("workstation-missing")).toHaveTextContent("本窗口尚未设置");
    fireEvent.click(screen.getByTestId("workstation-go-settings"));
    expect(await screen.findByTestId("settings-workstation")).toBeInTheDocument();

    fireEvent.click(screen.getByTestId("nav-catalog"));
    expect(await screen.findByTestId("catalog-row-000118001000")).toBeInTheDocument();
    expect(screen.getByTestId("header-catalog")).toHaveTextContent("目录 2026.11 · 江永县");
    const row = screen.getByTestId("catalog-row-000118001000");
    expect(row).toHaveTextContent("承诺件");
    expect(row).toHaveTextContent("承诺 5 / 法定 30 个工作日");
    expect(row).toHaveTextContent("¥80.00");
    expect(row).toHaveTextContent("首席代表审批");
    expect(screen.getByTestId("catalog-row-000102001000")).toHaveTextContent("不收费");
  });

  it("shows the backend message verbatim when a file import fails", async () => {
    render(<App />);
    const input = await screen.findByTestId("welcome-import-file");
    const file = new File(["{}"], "bad.json", { type: "application/json" });
    fireEvent.change(input, { target: { files: [file] } });

    const alert = await screen.findByTestId("import-error");
    expect(alert).toHaveTextContent("目录文件有误，未导入");
    expect(alert).toHaveTextContent("缺少 version 字段");
    expect(screen.queryByTestId("catalog-page")).not.toBeInTheDocument();
  });

  it("searches as the clerk types and opens the item detail", async () => {
    status = LOADED_STATUS;
    render(<App />);
    fireEvent.click(await screen.findByTestId("nav-catalog"));
    await screen.findByTestId("catalog-row-000102001000");

    fireEvent.change(screen.getByTestId("catalog-search"), { target: { value: "不动产" } });
    await waitFor(() =>
      expect(screen.queryByTestId("catalog-row-000102001000")).not.toBeInTheDocument(),
    );
    expect(searches.at(-1)).toEqual({ query: "不动产", department: null });

    const deptSelect = screen.getByTestId("catalog-department");
    fireEvent.mouseDown(deptSelect.querySelector(".ant-select-selector") ?? deptSelect);
    fireEvent.click(await screen.findByText("县自然资源局", { selector: ".ant-select-item-option-content" }));
    await waitFor(() => expect(searches.at(-1)).toEqual({ query: "不动产", department: "ZRZY" }));

    fireEvent.click(screen.getByTestId("catalog-row-000118001000"));
    const detail = await screen.findByTestId("item-detail");
    expect(await within(detail).findByText("《不动产登记暂行条例》")).toBeInTheDocument();
    expect(within(detail).getByTestId("item-detail-title")).toHaveTextContent("不动产首次登记");
    const materials = within(detail).getByTestId("item-materials");
    expect(materials).toHaveTextContent("不动产登记申请书");
    expect(materials).toHaveTextContent("复印件");
    expect(materials).toHaveTextContent("选交");
    expect(within(detail).getByTestId("situation-agent")).toHaveTextContent("授权委托书");
    expect(within(detail).getByText("县市场监督管理局")).toBeInTheDocument();

    const due = await within(detail).findByTestId("due-promised");
    expect(due).toHaveTextContent("2027-01-05");
    expect(within(detail).getByTestId("due-statutory")).toHaveTextContent("2027-02-08");
    expect(within(detail).getByTestId("due-date")).toHaveTextContent("今日（2026-12-28）受理：");
    expect(within(detail).getByTestId("due-provisional")).toHaveTextContent("暂定");
    expect(within(detail).queryByTestId("due-on-the-spot")).not.toBeInTheDocument();
  });

  it("opens the monthly ledger on the counter's month and shows the calendar warning in settings", async () => {
    status = LOADED_STATUS;
    render(<App />);
    await screen.findByTestId("queue-page");

    fireEvent.click(screen.getByTestId("nav-ledger"));
    expect(await screen.findByTestId("ledger-page")).toHaveTextContent("月度台账");
    await waitFor(() =>
      expect((screen.getByTestId("ledger-month") as HTMLInputElement).value).toBe("2026-12"),
    );

    fireEvent.click(screen.getByTestId("nav-settings"));
    expect(await screen.findByTestId("calendar-next-year-missing")).toHaveTextContent(
      "尚未导入 2027 年节假日安排",
    );
    expect(screen.getByTestId("settings-data-dir")).toHaveTextContent("/var/lib/yichuang");
    expect(screen.getByTestId("settings-catalog-version")).toHaveTextContent("2026.11");
    expect(screen.getByTestId("settings-import-catalog")).toHaveAttribute("type", "file");
    expect(screen.getByTestId("settings-import-calendar")).toHaveAttribute("type", "file");
  });

  it("opens 电子监察 and 数据看板 from the menu, even before a catalog is loaded", async () => {
    render(<App />);
    await screen.findByTestId("welcome-load-demo");

    fireEvent.click(screen.getByTestId("nav-supervision"));
    expect(await screen.findByTestId("supervision-empty")).toHaveTextContent("本部门没有预警");
    expect(screen.getByTestId("supervision-page")).toHaveTextContent("电子监察");

    fireEvent.click(screen.getByTestId("nav-dashboard"));
    expect(await screen.findByTestId("chart-days")).toHaveAttribute(
      "aria-label",
      expect.stringContaining("2026-12 每日收件与办结：共收件 2 件，办结 1 件"),
    );
    expect(screen.getByTestId("dashboard-on-time")).toHaveTextContent("100.0%");
    expect(screen.getByTestId("nav-dashboard")).toHaveTextContent("数据看板");
  });

  it("switches the language through the backend", async () => {
    status = LOADED_STATUS;
    render(<App />);
    await screen.findByTestId("queue-page");
    fireEvent.click(screen.getByTestId("nav-settings"));
    fireEvent.click(within(screen.getByTestId("settings-lang")).getByTestId("settings-lang-en"));

    expect(await screen.findByText("Catalog 2026.11 · 江永县")).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith("settings_set_language", { req: { lang: "en" } });
    expect(screen.getByTestId("nav-catalog")).toHaveTextContent("Catalog");
    expect(screen.getByTestId("nav-supervision")).toHaveTextContent("Supervision");
    expect(screen.getByTestId("nav-dashboard")).toHaveTextContent("Dashboard");
    expect(document.documentElement.lang).toBe("en");
  });

  it("branches on the error code when a settings import fails, and reports success", async () => {
    status = LOADED_STATUS;
    importAnswer = () =>
      Promise.reject({
        code: "catalog_older_than_current",
        message: "目录版本 2026.09 早于当前使用的版本 2026.11，未导入。",
      });
    render(<App />);
    await screen.findByTestId("queue-page");
    fireEvent.click(screen.getByTestId("nav-settings"));
    const input = screen.getByTestId("settings-import-catalog");
    const file = () => new File(['{"version":"x"}'], "c.json", { type: "application/json" });

    fireEvent.change(input, { target: { files: [file()] } });
    const alert = await screen.findByTestId("import-error");
    expect(alert).toHaveTextContent("版本较旧，未导入");
    expect(alert).toHaveTextContent("目录版本 2026.09 早于当前使用的版本 2026.11，未导入。");

    importAnswer = () => Promise.resolve({ version: "2026.11", item_count: 24, changed: false });
    fireEvent.change(input, { target: { files: [file()] } });
    expect(await screen.findByTestId("import-success")).toHaveTextContent("目录 2026.11 已是最新，无变化");
    expect(screen.queryByTestId("import-error")).not.toBeInTheDocument();
  });
});
