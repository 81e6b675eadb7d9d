// Intake over a fake backend: F2 opens the form; a refused ID number is shown on its field and
// nothing else happens; a retry reuses the action key, and a success opens the case.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { IntakeRequest } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { DETAIL, DEPARTMENTS, LOADED_STATUS, PROFILE, caseDetail, searchItems, workstation } from "../../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { App } from "../../app/App";

let intakes: IntakeRequest[];
let intakeAnswers: (() => Promise<unknown>)[];

beforeEach(() => {
  intakes = [];
  intakeAnswers = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      settings_get: () => ({ lang: "zh-CN", data_dir: "/tmp" }),
      catalog_status: () => LOADED_STATUS,
      catalog_departments: () => DEPARTMENTS,
      catalog_search: (req: never) => searchItems(req),
      catalog_item: () => DETAIL,
      workstation_get: () => workstation(PROFILE),
      case_queue: () => [],
      alerts_list: () => [],
      case_get: () => caseDetail(),
      case_intake: (req: IntakeRequest) => {
        intakes.push(req);
        const next = intakeAnswers.shift();
        return next ? next() : caseDetail();
      },
    }),
  );
});

async function openIntakeWithF2() {
  render(<App />);
  await screen.findByTestId("queue-f2-hint");
  fireEvent.keyDown(window, { key: "F2" });
  return screen.findByTestId("intake-page");
}

async function fillForm() {
  const picker = screen.getByTestId("intake-item");
  fireEvent.mouseDown(picker.querySelector(".ant-select-selector") ?? picker);
  fireEvent.click(
    await screen.findByText("个体工商户设立登记（000102001000）", {
      selector: ".ant-select-item-option-content",
    }),
  );
  fireEvent.change(screen.getByTestId("intake-applicant-name"), { target: { value: "张三" } });
  fireEvent.change(screen.getByTestId("intake-applicant-id_number"), {
    target: { value: "110105194912310021" },
  });
  fireEvent.change(screen.getByTestId("intake-applicant-phone"), { target: { value: "13800000000" } });
}

const ID_ERROR = "居民身份证号码有误：校验码不符";

describe("intake", () => {
  it("shows a refused ID number on its field and stays on the form", async () => {
    intakeAnswers.push(() =>
      apiError("invalid_applicant", "申请人信息有误", [{ field: "applicant.id_number", message: ID_ERROR }]),
    );
    await openIntakeWithF2();
    await fillForm();
    fireEvent.click(screen.getByTestId("intake-submit"));

    const field = screen.getByTestId("intake-field-applicant-id_number");
    expect(await within(field).findByText(ID_ERROR)).toBeVisible();
    expect(field.closest(".ant-form-item")).toHaveClass("ant-form-item-has-error");
    expect(intakes).toHaveLength(1);
    expect(intakes[0]).toMatchObject({
      item_code: "000102001000",
      applicant: { type: "person", name: "张三", id_number: "110105194912310021", phone: "13800000000" },
      agent: null,
    });
    // Nothing else happens: no case page, no general alert.
    expect(screen.getByTestId("intake-page")).toBeInTheDocument();
    expect(screen.queryByTestId("case-page")).not.toBeInTheDocument();
    expect(screen.queryByTestId("intake-error")).not.toBeInTheDocument();
  });

  it("reuses the action key when a failed submit is retried, and opens the case on success", async () => {
    intakeAnswers.push(() => Promise.reject("connection reset"));
    await openIntakeWithF2();
    await fillForm();
    fireEvent.click(screen.getByTestId("intake-submit"));
    expect(await screen.findByTestId("intake-error")).toHaveTextContent("connection reset");

    fireEvent.click(screen.getByTestId("intake-submit"));
    expect(await screen.findByTestId("case-page")).toBeInTheDocument();
    expect(intakes).toHaveLength(2);
    expect(intakes[1]?.action_key).toBe(intakes[0]?.action_key);
    expect(intakes[0]?.action_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByTestId("case-no")).toHaveTextContent("431125-SCJG-W03-2026-000001");

    // The next applicant gets a new key.
    fireEvent.keyDown(window, { key: "F2" });
    await screen.findByTestId("intake-page");
    await fillForm();
    fireEvent.click(screen.getByTestId("intake-submit"));
    await waitFor(() => expect(intakes).toHaveLength(3));
    expect(intakes[2]?.action_key).not.toBe(intakes[0]?.action_key);
  });
});

describe("intake agent", () => {
  it("keeps the 代理人办理 switch and the agent situation together", async () => {
    await openIntakeWithF2();
    await fillForm();
    const agentBox = () =>
      screen.getByTestId("intake-situation-agent").closest("label")?.querySelector("input") as HTMLInputElement;
    const agentSwitch = () => screen.getByTestId("intake-with-agent");
    await screen.findByTestId("intake-situation-agent");
    expect(agentBox().checked).toBe(false);

    // The switch ticks and unticks the situation.
    fireEvent.click(agentSwitch());
    await waitFor(() => expect(agentBox().checked).toBe(true));
    expect(await screen.findByTestId("intake-agent-name")).toBeInTheDocument();
    fireEvent.click(agentSwitch());
    await waitFor(() => expect(agentBox().checked).toBe(false));
    expect(agentSwitch()).toHaveAttribute("aria-checked", "false");

    // The situation turns the switch on and off.
    fireEvent.click(agentBox());
    await waitFor(() => expect(agentSwitch()).toHaveAttribute("aria-checked", "true"));
    fireEvent.click(agentBox());
    await waitFor(() => expect(agentSwitch()).toHaveAttribute("aria-checked", "false"));
  });

  it("clears a corrected field's error on the next refused submit", async () => {
    intakeAnswers.push(() =>
      apiError("invalid_applicant", "申请人信息有误", [
        { field: "applicant.id_number", message: ID_ERROR },
        { field: "applicant.phone", message: "电话号码有误" },
      ]),
    );
    intakeAnswers.push(() =>
      apiError("invalid_applicant", "申请人信息有误", [{ field: "applicant.phone", message: "电话号码有误" }]),
    );
    await openIntakeWithF2();
    await fillForm();
    fireEvent.click(screen.getByTestId("intake-submit"));
    const idField = screen.getByTestId("intake-field-applicant-id_number");
    expect(await within(idField).findByText(ID_ERROR)).toBeVisible();

    fireEvent.click(screen.getByTestId("intake-submit"));
    await waitFor(() => expect(intakes).toHaveLength(2));
    const phoneField = screen.getByTestId("intake-field-applicant-phone");
    expect(await within(phoneField).findByText("电话号码有误")).toBeVisible();
    await waitFor(() => expect(within(idField).queryByText(ID_ERROR)).not.toBeInTheDocument());
  });
});
