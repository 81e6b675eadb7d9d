// First inquiry over a fake backend: 去向 is required when the person is sent elsewhere, the
// entry carries an action key, and today's register is read again after logging.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Inquiry, InquiryRequest } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";
import { PROFILE, searchItems, workstation } from "../../test/fixtures";
import { WorkstationProvider } from "../workstation/WorkstationProvider";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { InquiryPage } from "./InquiryPage";

let logged: InquiryRequest[];
let today: Inquiry[];

beforeEach(() => {
  logged = [];
  today = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      workstation_get: () => workstation(PROFILE),
      catalog_search: (req: never) => searchItems(req),
      inquiry_today: () => today,
      inquiry_log: (req: InquiryRequest) => {
        logged.push(req);
        const entry: Inquiry = {
          id: "i1",
          at: "2026-02-10T09:30:00",
          clerk_name: "李敏",
          person: req.person,
          question: req.question,
          item_code: null,
          item_name: null,
          outcome: req.outcome,
          referred_to: req.referred_to,
          case_id: null,
        };
        today = [entry];
        return entry;
      },
    }),
  );
});

describe("first inquiry", () => {
  it("requires where the person was sent, then logs and lists the entry", async () => {
    render(
      <AntApp>
        <WorkstationProvider>
          <InquiryPage catalogVersion="2026.11" onGoSettings={() => {}} />
        </WorkstationProvider>
      </AntApp>,
    );
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
    expect(await screen.findByTestId("inquiry-row-i1")).toHaveTextContent("5号窗口 不动产登记");
  });
});
