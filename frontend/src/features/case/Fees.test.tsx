// 收费 on the case page: the fee modal shows the standard, checks the payment code and
// receipt number before sending, and sends the FeeInput of a standard, reduced or exempt
// charge; the fees card lists charges and voids one with a reason.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CaseActionRequest, CaseDetail, FeeCharge } from "../../lib/ipc";
import { fakeBackend } from "../../test/backend";
import { DETAIL, caseDetail } from "../../test/fixtures";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { CasePage } from "./CasePage";

const CODE = "43112526030200000001";
let detail: CaseDetail;
let acts: CaseActionRequest[];

/** An accepted case of an item charged ¥80.00. */
function chargeable(): CaseDetail {
  const d = caseDetail({ allowed: ["withdraw", "suspend", "complete"], notice_deadline: null });
  d.case.state = "processing";
  d.case.item.requires_chief_approval = false;
  d.case.item.fee = { name: "食品经营许可证工本费", amount_cents: 8000, basis: "湘价费〔2020〕1号" };
  d.case.clock = {
    start_event: "accepted",
    start: "2026-02-10",
    promised_days: 10,
    statutory_days: 20,
    extension_days: 0,
    immediate: false,
  };
  return d;
}

const CHARGE: FeeCharge = {
  seq: 1,
  standard_name: "食品经营许可证工本费",
  standard_cents: 8000,
  charged_cents: 8000,
  adjustment: { type: "standard" },
  method: "scan",
  payment_code: CODE,
  receipt_no: "0012345678",
  at: "2026-03-02T10:00:00",
  by_id: "u-3",
  by: "李娜",
  voided: null,
};

beforeEach(() => {
  detail = chargeable();
  acts = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      case_get: () => detail,
      catalog_item: () => DETAIL,
      case_act: (req: CaseActionRequest) => {
        acts.push(req);
        return detail;
      },
    }),
  );
});

function renderCase() {
  return render(
    <AntApp>
      <CasePage caseId="case-1" onBack={() => {}} />
    </AntApp>,
  );
}

async function openFeeModal() {
  fireEvent.click(await screen.findByTestId("fee-charge"));
  return screen.findByTestId("action-modal");
}

const type = (modal: HTMLElement, field: string, value: string) =>
  fireEvent.change(within(modal).getByTestId(`modal-field-${field}`), { target: { value } });

describe("the fee modal", () => {
  it("refuses a bad receipt number before sending, then sends the standard charge", async () => {
    renderCase();
    const modal = await openFeeModal();
    expect(within(modal).getByTestId("fee-standard")).toHaveTextContent("食品经营许可证工本费 ¥80.00");
    type(modal, "payment_code", CODE);
    type(modal, "receipt_no", "1234");
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText("票据号应为 8 至 12 位数字")).toBeInTheDocument();
    expect(acts).toHaveLength(0);

    type(modal, "receipt_no", "0012345678");
    fireEvent.click(within(modal).getByLabelText("扫码"));
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "charge_fee",
      fee: { adjustment: { type: "standard" }, method: "scan", payment_code: CODE, receipt_no: "0012345678" },
    });
    expect(await screen.findByText("已收费")).toBeInTheDocument();
  });

  it("refuses a payment code that is not 20 digits", async () => {
    renderCase();
    const modal = await openFeeModal();
    type(modal, "payment_code", "4311252603");
    type(modal, "receipt_no", "0012345678");
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText("缴款码应为 20 位数字")).toBeInTheDocument();
    expect(acts).toHaveLength(0);
  });

  it("sends a reduction in fen, refusing an amount not below the standard", async () => {
    renderCase();
    const modal = await openFeeModal();
    fireEvent.click(within(modal).getByLabelText("减收"));
    type(modal, "amount", "80");
    type(modal, "reason", "残疾人减半收取");
    type(modal, "payment_code", CODE);
    type(modal, "receipt_no", "00123456");
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText(/低于收费标准 ¥80.00/)).toBeInTheDocument();
    expect(acts).toHaveLength(0);

    type(modal, "amount", "40.5");
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "charge_fee",
      fee: {
        adjustment: { type: "reduced", amount_cents: 4050, reason: "残疾人减半收取" },
        method: "cash",
        payment_code: CODE,
        receipt_no: "00123456",
      },
    });
  });

  it("sends an exemption with its reason and no payment code or receipt", async () => {
    renderCase();
    const modal = await openFeeModal();
    fireEvent.click(within(modal).getByLabelText("免收"));
    expect(within(modal).queryByTestId("modal-field-receipt_no")).not.toBeInTheDocument();
    type(modal, "reason", "低保户免收");
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({
      type: "charge_fee",
      fee: { adjustment: { type: "exempt", reason: "低保户免收" }, method: "cash", payment_code: "", receipt_no: "" },
    });
  });
});

describe("the fees card", () => {
  it("lists a charge, offers no second one, and voids it with a reason", async () => {
    detail.case.fees = [CHARGE];
    renderCase();
    const row = await screen.findByTestId("fee-row-1");
    expect(row).toHaveTextContent("¥80.00");
    expect(row).toHaveTextContent("扫码");
    expect(row).toHaveTextContent(`${CODE} / 0012345678`);
    expect(row).toHaveTextContent("李娜 · 2026-03-02 10:00");
    expect(screen.queryByTestId("fee-charge")).not.toBeInTheDocument();

    fireEvent.click(within(row).getByTestId("fee-void-1"));
    const modal = await screen.findByTestId("action-modal");
    type(modal, "reason", "票据号录错");
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(acts).toHaveLength(1));
    expect(acts[0]?.command).toEqual({ type: "void_fee", seq: 1, reason: "票据号录错" });
  });

  it("shows a voided charge with its reason and offers to charge again", async () => {
    detail.case.fees = [{ ...CHARGE, voided: { reason: "票据号录错", at: "2026-03-02T10:05:00", by: "李娜" } }];
    renderCase();
    expect(await screen.findByTestId("fee-voided-1")).toHaveTextContent("票据号录错");
    expect(screen.getByTestId("fee-charge")).toBeInTheDocument();
  });

  it("offers no charge before acceptance nor for an item without a fee", async () => {
    detail.case.clock = null;
    const before = renderCase();
    await screen.findByTestId("case-fees");
    expect(screen.queryByTestId("fee-charge")).not.toBeInTheDocument();
    before.unmount();

    detail = chargeable();
    detail.case.item.fee = null;
    renderCase();
    await screen.findByTestId("case-actions");
    expect(screen.queryByTestId("case-fees")).not.toBeInTheDocument();
  });
});
