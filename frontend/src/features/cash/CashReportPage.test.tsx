// 收费日报 over a fake backend: it opens on today at the counter, shows the takings per clerk
// and payment method, the window's totals and every charge and refund, reads another day,
// and prints the report.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CashReportRequest, CashReportView, FeeCharge } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { CALENDAR } from "../../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { CashReportPage } from "./CashReportPage";

const CHARGE: FeeCharge = {
  seq: 1,
  standard_name: "不动产登记费（住宅）",
  standard_cents: 8000,
  charged_cents: 8000,
  adjustment: { type: "standard" },
  method: "cash",
  payment_code: "43112526030200000001",
  receipt_no: "0012345678",
  at: "2026-12-28T10:00:00",
  by_id: "u-3",
  by: "李娜",
  voided: null,
};

const line = (count: number, charged: number, voided: number) => ({
  count,
  charged_cents: charged,
  voided_cents: voided,
  collected_cents: charged - voided,
});

const VIEW: CashReportView = {
  day: "2026-12-28",
  window_name: "3号窗口",
  rows: [
    { clerk_id: "u-3", clerk: "李娜", method: "cash", line: line(2, 16000, 8000) },
    { clerk_id: "u-7", clerk: "王芳", method: "scan", line: line(1, 4050, 0) },
  ],
  by_method: [
    ["cash", line(2, 16000, 8000)],
    ["scan", line(1, 4050, 0)],
  ],
  total: line(3, 20050, 8000),
  entries: [
    { case_id: "c1", case_no: "431125-SCJG-W03-2026-000001", charge: CHARGE },
    {
      case_id: "c2",
      case_no: "431125-SCJG-W03-2026-000002",
      charge: { ...CHARGE, seq: 1, voided: { reason: "票据号录错", at: "2026-12-28T10:05:00", by: "李娜" } },
    },
  ],
  file: null,
};

let requests: CashReportRequest[];
let printAnswer: (() => unknown) | null;

beforeEach(() => {
  requests = [];
  printAnswer = null;
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      calendar_info: () => CALENDAR,
      cash_report: (req: CashReportRequest) => {
        requests.push(req);
        if (req.print && printAnswer) return printAnswer();
        return { ...VIEW, day: req.day, file: req.print ? { path: "/data/reports/cash-2026-12-28.pdf" } : null };
      },
    }),
  );
});

function renderPage(onOpenCase: (id: string) => void = () => {}) {
  return render(
    <AntApp>
      <CashReportPage onOpenCase={onOpenCase} onGoSettings={() => {}} />
    </AntApp>,
  );
}

describe("cash report page", () => {
  it("shows today's takings per clerk and method and the window's totals", async () => {
    renderPage();
    const row = await screen.findByTestId("cash-row-u-3-cash");
    expect(requests[0]).toEqual({ day: "2026-12-28", print: false });
    expect((screen.getByTestId("cash-day") as HTMLInputElement).value).toBe("2026-12-28");
    expect(row).toHaveTextContent("李娜");
    expect(row).toHaveTextContent("现金");
    expect(within(row).getByTestId("cash-row-u-3-cash-count")).toHaveTextContent("2");
    expect(within(row).getByTestId("cash-row-u-3-cash-charged")).toHaveTextContent("¥160.00");
    expect(within(row).getByTestId("cash-row-u-3-cash-voided")).toHaveTextContent("¥80.00");
    expect(within(row).getByTestId("cash-row-u-3-cash-collected")).toHaveTextContent("¥80.00");
    expect(screen.getByTestId("cash-method-scan")).toHaveTextContent("¥40.50");

    const total = screen.getByTestId("cash-total");
    expect(total).toHaveTextContent("合计");
    expect(within(total).getByTestId("cash-total-count")).toHaveTextContent("3");
    expect(within(total).getByTestId("cash-total-charged")).toHaveTextContent("¥200.50");
    expect(within(total).getByTestId("cash-total-voided")).toHaveTextContent("¥80.00");
    expect(within(total).getByTestId("cash-total-collected")).toHaveTextContent("¥120.50");

    const entries = screen.getByTestId("cash-entries");
    expect(entries).toHaveTextContent("431125-SCJG-W03-2026-000001");
    expect(entries).toHaveTextContent("票据号录错");
  });

  it("reads the report of another day", async () => {
    renderPage();
    await screen.findByTestId("cash-total");
    fireEvent.change(screen.getByTestId("cash-day"), { target: { value: "2026-12-24" } });
    await waitFor(() => expect(requests.at(-1)).toEqual({ day: "2026-12-24", print: false }));
  });

  it("prints the report and says where the PDF is", async () => {
    renderPage();
    await screen.findByTestId("cash-total");
    fireEvent.click(screen.getByTestId("cash-print"));
    expect(await screen.findByTestId("cash-printed")).toHaveTextContent("/data/reports/cash-2026-12-28.pdf");
    expect(requests.at(-1)).toEqual({ day: "2026-12-28", print: true });
  });

  it("shows a refusal to print", async () => {
    printAnswer = () => apiError("document_failed", "日报生成失败");
    renderPage();
    await screen.findByTestId("cash-total");
    fireEvent.click(screen.getByTestId("cash-print"));
    expect(await screen.findByTestId("cash-error")).toHaveTextContent("日报生成失败");
  });
});
