// First inquiry over a fake backend: 去向 is required when the person is sent elsewhere, the
// entry carries an action key, and the register (首问登记簿) opens on today at the counter, can
// be turned to another day or one clerk, is read again after logging, and links to cases.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Inquiry, InquiryRequest, Register, RegisterClerk, RegisterRequest } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";
import { CALENDAR, PROFILE, searchItems, workstation } from "../../test/fixtures";
import { WorkstationProvider } from "../workstation/WorkstationProvider";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { InquiryPage } from "./InquiryPage";

/** A register line as the fake backend keeps it: the entry, its day and its clerk's id. */
type Logged = { day: string; clerk_id: string; entry: Inquiry };

function entry(over: Partial<Inquiry> & Pick<Inquiry, "id" | "at">, clerk_id = "u-li"): Logged {
  return {
    day: over.at.slice(0, 10),
    clerk_id,
    entry: {
      clerk_name: "李敏",
      person: "张先生",
      question: "咨询事项",
      item_code: null,
      item_name: null,
      outcome: "answered",
      referred_to: null,
      case_id: null,
      ...over,
    },
  };
}

// Today at the counter is CALENDAR.today (2026-12-28); the register is kept newest first.
const YESTERDAY: Logged[] = [
  entry(
    {
      id: "y2",
      at: "2026-12-27T15:10:00",
      clerk_name: "赵刚",
      person: "刘女士",
      question: "个体户营业执照怎么办",
      item_code: "000102001000",
      item_name: "个体工商户设立登记",
      outcome: "case_opened",
      case_id: "case-77",
    },
    "u-zhao",
  ),
  entry({
    id: "y1",
    at: "2026-12-27T09:05:00",
    person: "王女士",
    question: "办理不动产登记",
    outcome: "referred",
    referred_to: "5号窗口 不动产登记",
  }),
];

let store: Logged[];
let logged: InquiryRequest[];
let asked: RegisterRequest[];

function registerOf(req: RegisterRequest): Register {
  const ofDay = store.filter((e) => e.day === req.day);
  const clerks = new Map<string, RegisterClerk>();
  for (const e of ofDay) {
    const c = clerks.get(e.clerk_id) ?? { clerk_id: e.clerk_id, clerk_name: e.entry.clerk_name, count: 0 };
    c.count += 1;
    clerks.set(e.clerk_id, c);
  }
  const entries = ofDay
    .filter((e) => req.clerk_id === null || e.clerk_id === req.clerk_id)
    .map((e) => e.entry);
  return { day: req.day, entries, clerks: [...clerks.values()] };
}

beforeEach(() => {
  store = [...YESTERDAY];
  logged = [];
  asked = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      workstation_get: () => workstation(PROFILE),
      calendar_info: () => CALENDAR,
      catalog_search: (req: never) => searchItems(req),
      inquiry_register: (req: RegisterRequest) => {
        asked.push(req);
        return registerOf(req);
      },
      inquiry_log: (req: InquiryRequest) => {
        logged.push(req);
        const e = entry({
          id: "t1",
          at: "2026-12-28T09:30:00",
          person: req.person,
          question: req.question,
          outcome: req.outcome,
          referred_to: req.referred_to,
        });
        store = [e, ...store];
        return e.entry;
      },
    }),
  );
});

function renderPage(onOpenCase: (caseId: string) => void = () => {}) {
  return render(
    <AntApp>
      <WorkstationProvider>
        <InquiryPage catalogVersion="2026.11" onGoSettings={() => {}} onOpenCase={onOpenCase} />
      </WorkstationProvider>
    </AntApp>,
  );
}

async function chooseDay(day: string) {
  const input = await screen.findByTestId("inquiry-day");
  fireEvent.change(input, { target: { value: day } });
}

async function chooseClerk(label: string) {
  const select = await screen.findByTestId("inquiry-clerk");
  fireEvent.mouseDown(select.querySelector(".ant-select-selector") ?? select);
  fireEvent.click(await screen.findByText(label, { selector: ".ant-select-item-option-content" }));
}

describe("first inquiry", () => {
  it("requires where the person was sent, then logs the entry and reads today's register again", async () => {
    renderPage();
    expect(await screen.findByTestId("inquiry-empty")).toBeInTheDocument();
    expect(asked).toEqual([{ day: "2026-12-28", clerk_id: null }]);

    fireEvent.change(await screen.findByTestId("inquiry-person"), { target: { value: "王女士" } });
    fireEvent.change(screen.getByTestId("inquiry-question"), { target: { value: "办理不动产登记" } });
    fireEvent.click(screen.getByTestId("inquiry-outcome-referred"));
    fireEvent.click(await screen.findByTestId("inquiry-submit"));
    expect(await screen.findByText("引导至其他窗口时须填写去向")).toBeInTheDocument();
    expect(logged).toHaveLength(0);

    fireEvent.change(screen.getByTestId("inquiry-referred-to"), { target: { value: "5号窗口 不动产登记" } });
    fireEvent.click(screen.getByTestId("inquiry-submit"));
    await waitFor(() => expect(logged).toHaveLength(1));
    expect(logged[0]).toMatchObject({
      person: "王女士",
      question: "办理不动产登记",
      outcome: "referred",
      referred_to: "5号窗口 不动产登记",
      item_code: null,
    });
    expect(logged[0]?.action_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByTestId("inquiry-row-t1")).toHaveTextContent("5号窗口 不动产登记");
    expect(asked).toEqual([
      { day: "2026-12-28", clerk_id: null },
      { day: "2026-12-28", clerk_id: null },
    ]);
  });

  it("the register shows a chosen day's entries with where each person was sent", async () => {
    renderPage();
    await screen.findByTestId("inquiry-empty");
    expect(screen.getByTestId("inquiry-day")).toHaveValue("2026-12-28");

    await chooseDay("2026-12-27");
    const referred = await screen.findByTestId("inquiry-row-y1");
    expect(asked.at(-1)).toEqual({ day: "2026-12-27", clerk_id: null });
    expect(referred).toHaveTextContent("2026-12-27 09:05");
    expect(referred).toHaveTextContent("李敏");
    expect(referred).toHaveTextContent("王女士");
    expect(referred).toHaveTextContent("引导至其他窗口");
    expect(referred).toHaveTextContent("5号窗口 不动产登记");
    const opened = screen.getByTestId("inquiry-row-y2");
    expect(opened).toHaveTextContent("赵刚");
    expect(opened).toHaveTextContent("个体工商户设立登记");
    expect(opened).toHaveTextContent("已受理");
    const rows = screen.getAllByTestId(/^inquiry-row-/).map((r) => r.getAttribute("data-testid"));
    expect(rows).toEqual(["inquiry-row-y2", "inquiry-row-y1"]);
  });

  it("filtering by a clerk asks the backend for that clerk's entries", async () => {
    renderPage();
    await screen.findByTestId("inquiry-empty");
    await chooseDay("2026-12-27");
    await screen.findByTestId("inquiry-row-y1");

    await chooseClerk("李敏（1）");
    await waitFor(() => expect(asked.at(-1)).toEqual({ day: "2026-12-27", clerk_id: "u-li" }));
    await waitFor(() => expect(screen.queryByTestId("inquiry-row-y2")).toBeNull());
    expect(screen.getByTestId("inquiry-row-y1")).toHaveTextContent("王女士");

    await chooseClerk("全部登记人");
    expect(await screen.findByTestId("inquiry-row-y2")).toBeInTheDocument();
    expect(asked.at(-1)).toEqual({ day: "2026-12-27", clerk_id: null });
  });

  it("an entry with a case links to the case page", async () => {
    const opened = vi.fn();
    renderPage(opened);
    await screen.findByTestId("inquiry-empty");
    await chooseDay("2026-12-27");

    const withCase = await screen.findByTestId("inquiry-row-y2");
    expect(within(screen.getByTestId("inquiry-row-y1")).queryByText("查看办件")).toBeNull();
    fireEvent.click(within(withCase).getByTestId("inquiry-case-y2"));
    expect(opened).toHaveBeenCalledWith("case-77");
  });
});
