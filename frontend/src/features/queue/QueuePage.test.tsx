// The queue over a fake backend: rows in the backend's order with masked IDs, the notice
// deadline labelled under review, red rows highlighted, filters sent, alerts dismissed.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Alert, QueueItem, QueueRequest } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";
import { PROFILE, searchItems, workstation } from "../../test/fixtures";
import { WorkstationProvider } from "../workstation/WorkstationProvider";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { QueuePage } from "./QueuePage";

const ROWS: QueueItem[] = [
  {
    id: "c2",
    case_no: "431125-SCJG-W03-2026-000002",
    state: "accepted",
    item_code: "000102002000",
    item_name: "食品经营许可（新办）",
    applicant_name: "李四",
    applicant_id_masked: "4301**********1234",
    received_at: "2026-02-02T10:00:00",
    due_date: "2026-02-10",
    due_is_promised: true,
    statutory_due: "2026-02-09",
    card: "red",
  },
  {
    id: "c1",
    case_no: "431125-SCJG-W03-2026-000001",
    state: "reviewing",
    item_code: "000102002000",
    item_name: "食品经营许可（新办）",
    applicant_name: "张三",
    applicant_id_masked: "1101**********002X",
    received_at: "2026-02-10T09:05:00",
    due_date: "2026-02-24",
    due_is_promised: false,
    statutory_due: null,
    card: null,
  },
];

let queries: QueueRequest[];
let alerts: Alert[];

beforeEach(() => {
  queries = [];
  alerts = [{ id: 7, at: "2026-02-10T09:00:00", case_id: "c2", card: "red", message: "已超过法定期限" }];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      workstation_get: () => workstation(PROFILE),
      catalog_search: (req: never) => searchItems(req),
      case_queue: (req: QueueRequest) => {
        queries.push(req);
        return ROWS;
      },
      alerts_list: () => alerts,
      alerts_dismiss: (req: { id: number }) => {
        alerts = alerts.filter((a) => a.id !== req.id);
        return alerts;
      },
    }),
  );
});

describe("queue", () => {
  it("lists cases with due dates, cards and alerts, and opens a case", async () => {
    const opened: string[] = [];
    render(
      <AntApp>
        <WorkstationProvider>
          <QueuePage catalogVersion="2026.11" onOpenCase={(id) => opened.push(id)} onNewIntake={() => {}} onGoSettings={() => {}} />
        </WorkstationProvider>
      </AntApp>,
    );
    const red = await screen.findByTestId("queue-row-431125-SCJG-W03-2026-000002");
    expect(red).toHaveTextContent("4301**********1234");
    expect(red).toHaveTextContent("红牌");
    expect(red).toHaveStyle({ background: "#fff1f0" });
    expect(screen.getByTestId("queue-due-431125-SCJG-W03-2026-000001")).toHaveTextContent("告知期限 2026-02-24");
    expect(screen.getByTestId("queue-due-431125-SCJG-W03-2026-000002")).toHaveTextContent(/^2026-02-10$/);
    expect(queries[0]).toEqual({ state: null, item_code: null, card: null, search: "", include_closed: false });

    fireEvent.click(screen.getByTestId("queue-include-closed"));
    await waitFor(() => expect(queries.at(-1)?.include_closed).toBe(true));

    expect(await screen.findByTestId("alert-7")).toHaveTextContent("已超过法定期限");
    fireEvent.click(screen.getByTestId("alert-dismiss-7"));
    await waitFor(() => expect(screen.queryByTestId("alert-7")).not.toBeInTheDocument());

    fireEvent.click(red);
    expect(opened).toEqual(["c2"]);
    expect(screen.getByTestId("queue-f2-hint")).toHaveTextContent("F2 新建收件");
  });
});
