// 月度台账 over a fake backend: the month defaults to the counter's, a malformed month never
// reaches the backend, a bar follows the export's progress while it runs, and the page reports
// a saved workbook, a cancelled save dialog and a refusal.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ExportProgress, LedgerExportRequest, LedgerExportResult } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { CALENDAR } from "../../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { LedgerPage } from "./LedgerPage";

let requests: LedgerExportRequest[];
let answer: (req: LedgerExportRequest) => unknown;
/** What `ledger_progress` answers, and how often it was asked. */
let progress: ExportProgress | null;
let polls: number;

beforeEach(() => {
  requests = [];
  progress = null;
  polls = 0;
  answer = (): LedgerExportResult => ({ saved_to: "/home/clerk/台账-县市场监督管理局-202612.xlsx", cases: 37 });
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      calendar_info: () => CALENDAR,
      ledger_export: (req: LedgerExportRequest) => {
        requests.push(req);
        return answer(req);
      },
      ledger_progress: () => {
        polls += 1;
        return progress;
      },
    }),
  );
});

function renderPage(onGoSettings: () => void = () => {}) {
  return render(
    <AntApp>
      <LedgerPage onGoSettings={onGoSettings} />
    </AntApp>,
  );
}

/** The month input once it shows the counter's month. */
async function monthInput(): Promise<HTMLInputElement> {
  const input = screen.getByTestId("ledger-month") as HTMLInputElement;
  await waitFor(() => expect(input.value).toBe("2026-12"));
  return input;
}

describe("ledger page", () => {
  it("explains what the ledger holds and who exports the county's", async () => {
    renderPage();
    await monthInput();
    const intro = screen.getByTestId("ledger-intro");
    expect(screen.getByTestId("ledger-page")).toHaveTextContent("月度台账");
    expect(intro).toHaveTextContent("登记、汇总、预警、差评");
    expect(intro).toHaveTextContent("yichuang-hub export-ledger");
  });

  it("defaults to the counter's month and sends it", async () => {
    renderPage();
    await monthInput();
    fireEvent.click(screen.getByTestId("ledger-export"));
    await screen.findByTestId("ledger-saved");
    expect(requests).toEqual([{ month: "2026-12" }]);
  });

  it("sends the month the clerk typed", async () => {
    renderPage();
    fireEvent.change(await monthInput(), { target: { value: "2026-11" } });
    fireEvent.click(screen.getByTestId("ledger-export"));
    await screen.findByTestId("ledger-saved");
    expect(requests).toEqual([{ month: "2026-11" }]);
  });

  it("refuses a malformed month before calling the backend", async () => {
    renderPage();
    const input = await monthInput();
    for (const bad of ["2026-13", "2026/11", "26-11"]) {
      fireEvent.change(input, { target: { value: bad } });
      expect(screen.getByTestId("ledger-month-invalid")).toHaveTextContent("2026-11");
      fireEvent.click(screen.getByTestId("ledger-export"));
    }
    expect(requests).toEqual([]);
    expect(invoke).not.toHaveBeenCalledWith("ledger_export", expect.anything());
    expect(screen.queryByTestId("ledger-progress")).not.toBeInTheDocument();
  });

  it("shows progress and disables the button while the ledger is generated", async () => {
    let finish: (result: LedgerExportResult) => void = () => {};
    answer = () => new Promise<LedgerExportResult>((resolve) => (finish = resolve));
    renderPage();
    await monthInput();
    const button = screen.getByTestId("ledger-export");
    fireEvent.click(button);

    expect(await screen.findByTestId("ledger-progress")).toHaveTextContent("正在生成台账");
    expect(button).toBeDisabled();
    fireEvent.click(button);
    expect(requests).toHaveLength(1);

    finish({ saved_to: "/tmp/台账.xlsx", cases: 2 });
    expect(await screen.findByTestId("ledger-saved")).toHaveTextContent("已导出 2 件");
    expect(screen.queryByTestId("ledger-progress")).not.toBeInTheDocument();
    expect(button).toBeEnabled();
  });

  it("follows the export's stage and percent in a bar, and stops asking once it returns", async () => {
    let finish: (result: LedgerExportResult) => void = () => {};
    answer = () => new Promise<LedgerExportResult>((resolve) => (finish = resolve));
    renderPage();
    await monthInput();
    expect(polls).toBe(0);
    progress = { stage: "reading", percent: 0 };
    fireEvent.click(screen.getByTestId("ledger-export"));

    const bar = await screen.findByTestId("ledger-progress");
    await waitFor(() => expect(bar).toHaveTextContent("读取办件"));
    expect(bar.querySelector('[role="progressbar"]')).toHaveAttribute("aria-valuenow", "0");

    progress = { stage: "writing", percent: 45 };
    await waitFor(() => expect(bar).toHaveTextContent("正在生成台账：写入表格"));
    expect(bar).toHaveTextContent("45%");
    expect(bar).toHaveAttribute("data-percent", "45");
    expect(bar).toHaveAttribute("data-stage", "writing");
    expect(bar.querySelector('[role="progressbar"]')).toHaveAttribute("aria-valuenow", "45");

    progress = { stage: "saving", percent: 95 };
    await waitFor(() => expect(bar).toHaveTextContent("95%"));
    expect(bar).toHaveTextContent("保存文件");

    finish({ saved_to: "/tmp/台账.xlsx", cases: 2 });
    await screen.findByTestId("ledger-saved");
    expect(screen.queryByTestId("ledger-progress")).not.toBeInTheDocument();
    const asked = polls;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(polls).toBe(asked);
  });

  it("stops asking for progress when the page goes", async () => {
    answer = () => new Promise<LedgerExportResult>(() => {});
    progress = { stage: "choosing", percent: 30 };
    const page = renderPage();
    await monthInput();
    fireEvent.click(screen.getByTestId("ledger-export"));
    expect(await screen.findByTestId("ledger-progress")).toHaveTextContent("选择保存位置");
    page.unmount();
    const asked = polls;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(polls).toBe(asked);
  });

  it("shows where the workbook was saved and how many cases it holds", async () => {
    renderPage();
    await monthInput();
    fireEvent.click(screen.getByTestId("ledger-export"));
    const saved = await screen.findByTestId("ledger-saved");
    expect(saved).toHaveTextContent("已导出 37 件");
    expect(saved).toHaveTextContent("/home/clerk/台账-县市场监督管理局-202612.xlsx");
    expect(screen.queryByTestId("ledger-error")).not.toBeInTheDocument();
  });

  it("notes a cancelled save dialog without claiming an export", async () => {
    answer = () => ({ saved_to: null, cases: 37 });
    renderPage();
    await monthInput();
    fireEvent.click(screen.getByTestId("ledger-export"));
    expect(await screen.findByTestId("ledger-cancelled")).toHaveTextContent("已取消保存");
    expect(screen.queryByTestId("ledger-saved")).not.toBeInTheDocument();
  });

  it("shows the backend's message when the export fails", async () => {
    answer = () => apiError("document_failed", "台账文件写入失败");
    renderPage();
    await monthInput();
    fireEvent.click(screen.getByTestId("ledger-export"));
    const error = await screen.findByTestId("ledger-error");
    expect(error).toHaveTextContent("台账未导出");
    expect(error).toHaveTextContent("台账文件写入失败");
    expect(screen.queryByTestId("ledger-saved")).not.toBeInTheDocument();

    // A later success replaces the error.
    answer = () => ({ saved_to: "/tmp/台账.xlsx", cases: 1 });
    fireEvent.click(screen.getByTestId("ledger-export"));
    await screen.findByTestId("ledger-saved");
    expect(screen.queryByTestId("ledger-error")).not.toBeInTheDocument();
  });

  it("points to settings when the window is not set up", async () => {
    answer = () => apiError("workstation_not_configured", "本窗口尚未设置");
    const onGoSettings = vi.fn();
    renderPage(onGoSettings);
    await monthInput();
    fireEvent.click(screen.getByTestId("ledger-export"));
    fireEvent.click(await screen.findByTestId("workstation-go-settings"));
    expect(onGoSettings).toHaveBeenCalled();
    expect(screen.queryByTestId("ledger-error")).not.toBeInTheDocument();
  });
});
