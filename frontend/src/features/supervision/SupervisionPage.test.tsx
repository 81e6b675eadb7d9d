// The 电子监察 page over a fake backend: the department's cards with the tally per window;
// a clerk appeals a standing card with a reason and sees the board the backend answers with;
// only a supervisor rules, on appeals waiting; a refusal stays in the modal and the retry
// keeps its key; the filters; no cards; a window not set up.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppealCardRequest, RuleAppealRequest, SupervisedCard, SupervisionBoard } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { SupervisionPage } from "./SupervisionPage";

const YELLOW: SupervisedCard = {
  case_id: "c7",
  case_no: "431125-SCJG-W03-2026-000007",
  item_name: "食品经营许可（新办）",
  window_code: "W03",
  window_name: "3号窗口",
  clerk: "李敏",
  level: "yellow",
  // 09:30 in China.
  raised_at: "2026-12-01T01:30:00+00:00",
  due_date: "2026-12-03",
  status: "standing",
  appeal: null,
  case_open: true,
};

/** The same case's red card, appealed and waiting for a ruling. */
const RED: SupervisedCard = {
  ...YELLOW,
  level: "red",
  raised_at: "2026-12-03T16:30:00+00:00",
  due_date: "2026-12-03",
  status: "appealed",
  appeal: { card: "red", reason: "申请人要求延后现场核查", by_id: "u-3", by: "李敏", at: "2026-12-05T10:00:00", ruling: null },
};

/** A late rectification of a bad rating on a closed case, upheld on appeal. */
const RECTIFY: SupervisedCard = {
  case_id: "c9",
  case_no: "431125-SCJG-W05-2026-000009",
  item_name: "个体工商户设立登记",
  window_code: "W05",
  window_name: "5号窗口",
  clerk: "赵六（李娜 代办）",
  level: "rectify_late",
  raised_at: "2026-12-08T02:00:00+00:00",
  due_date: "2026-12-07",
  status: "upheld",
  appeal: {
    card: "rectify_late",
    reason: "申请人未接电话",
    by_id: "u-9",
    by: "赵六",
    at: "2026-12-08T11:00:00",
    ruling: { upheld: true, note: "整改记录晚于期限", by_id: "u-8", by: "孙监督", at: "2026-12-10T09:00:00" },
  },
  case_open: false,
};

function board(overrides: Partial<SupervisionBoard> = {}): SupervisionBoard {
  return {
    department_name: "县市场监督管理局",
    cards: [YELLOW, RED, RECTIFY],
    windows: [
      { window_code: "W03", window_name: "3号窗口", yellow: 1, red: 1, rectification: 0, appealed: 1 },
      { window_code: "W05", window_name: "5号窗口", yellow: 0, red: 0, rectification: 1, appealed: 0 },
    ],
    can_appeal: true,
    can_rule: false,
    ...overrides,
  };
}

let current: SupervisionBoard;
let reads: number;
let appeals: AppealCardRequest[];
let rulings: RuleAppealRequest[];
let appealAnswers: (() => unknown)[];

beforeEach(() => {
  current = board();
  reads = 0;
  appeals = [];
  rulings = [];
  appealAnswers = [];
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      supervision_board: () => {
        reads += 1;
        return current;
      },
      supervision_appeal: (req: AppealCardRequest) => {
        appeals.push(req);
        const next = appealAnswers.shift();
        if (next) return next();
        const appealed: SupervisedCard = {
          ...YELLOW,
          status: "appealed",
          appeal: { card: "yellow", reason: req.reason, by_id: "u-3", by: "李敏", at: "2026-12-06T15:20:00", ruling: null },
        };
        return board({ cards: [appealed, RED, RECTIFY] });
      },
      supervision_rule: (req: RuleAppealRequest) => {
        rulings.push(req);
        const ruled: SupervisedCard = {
          ...RED,
          status: req.uphold ? "upheld" : "cancelled",
          appeal: {
            ...(RED.appeal as NonNullable<SupervisedCard["appeal"]>),
            ruling: { upheld: req.uphold, note: req.note, by_id: "u-8", by: "孙监督", at: "2026-12-07T09:00:00" },
          },
        };
        return board({ cards: [YELLOW, ruled, RECTIFY], can_appeal: false, can_rule: true });
      },
    }),
  );
});

function renderPage(onOpenCase: (id: string) => void = () => {}, onGoSettings: () => void = () => {}) {
  return render(
    <AntApp>
      <SupervisionPage onOpenCase={onOpenCase} onGoSettings={onGoSettings} />
    </AntApp>,
  );
}

/** The board's card rows, once loaded. */
async function cardRows(): Promise<HTMLElement[]> {
  await screen.findAllByTestId("supervision-card");
  return screen.getAllByTestId("supervision-card");
}

function rowOf(level: SupervisedCard["level"]): HTMLElement {
  const row = screen.getAllByTestId("supervision-card").find((r) => r.getAttribute("data-level") === level);
  if (!row) throw new Error(`no ${level} row`);
  return row;
}

describe("supervision page", () => {
  it("shows the department, the tally per window and one row per card, each opening its case", async () => {
    const opened = vi.fn();
    renderPage(opened);
    const rows = await cardRows();
    expect(reads).toBe(1);
    expect(rows.map((r) => [r.getAttribute("data-case-no"), r.getAttribute("data-level")])).toEqual([
      [YELLOW.case_no, "yellow"],
      [RED.case_no, "red"],
      [RECTIFY.case_no, "rectify_late"],
    ]);
    expect(screen.getByTestId("supervision-department")).toHaveTextContent("县市场监督管理局");
    const intro = screen.getByTestId("supervision-intro");
    expect(intro).toHaveTextContent("本机缓存中本部门");
    expect(intro).toHaveTextContent("yichuang-hub supervision");

    const windows = screen.getByTestId("supervision-windows");
    expect(windows).toHaveTextContent("黄牌");
    expect(windows).toHaveTextContent("整改逾期");
    expect(windows).toHaveTextContent("待裁定申诉");
    const w03 = within(windows).getByTestId("supervision-window-W03");
    expect(w03).toHaveTextContent("3号窗口");
    expect(within(w03).getByTestId("window-yellow")).toHaveTextContent("1");
    expect(within(w03).getByTestId("window-red")).toHaveTextContent("1");
    expect(within(w03).getByTestId("window-rectification")).toHaveTextContent("0");
    expect(within(w03).getByTestId("window-appealed")).toHaveTextContent("1");
    const w05 = within(windows).getByTestId("supervision-window-W05");
    expect(within(w05).getByTestId("window-rectification")).toHaveTextContent("1");
    expect(within(w05).getByTestId("window-appealed")).toHaveTextContent("0");

    const yellow = rowOf("yellow");
    expect(yellow).toHaveTextContent("食品经营许可（新办）");
    expect(yellow).toHaveTextContent("3号窗口");
    expect(yellow).toHaveTextContent("李敏");
    expect(within(yellow).getByTestId("card-level")).toHaveTextContent("黄牌");
    expect(within(yellow).getByTestId("card-raised")).toHaveTextContent("2026-12-01");
    expect(within(yellow).getByTestId("card-due")).toHaveTextContent("2026-12-03");
    expect(within(yellow).getByTestId("card-status")).toHaveTextContent("未申诉");
    expect(within(yellow).queryByTestId("card-appeal")).not.toBeInTheDocument();

    const red = rowOf("red");
    expect(within(red).getByTestId("card-level")).toHaveTextContent("红牌");
    // Raised at 00:30 the next day in China time.
    expect(within(red).getByTestId("card-raised")).toHaveTextContent("2026-12-04");
    expect(within(red).getByTestId("card-status")).toHaveTextContent("申诉待裁定");
    expect(within(red).getByTestId("card-appeal")).toHaveTextContent("申请人要求延后现场核查（李敏 · 2026-12-05 10:00）");
    expect(within(red).queryByTestId("card-ruling")).not.toBeInTheDocument();

    const rectify = rowOf("rectify_late");
    expect(within(rectify).getByTestId("card-level")).toHaveTextContent("差评整改逾期");
    expect(rectify).toHaveTextContent("赵六（李娜 代办）");
    expect(rectify).toHaveTextContent("办件已结束");
    expect(within(rectify).getByTestId("card-status")).toHaveTextContent("已维持");
    expect(within(rectify).getByTestId("card-ruling")).toHaveTextContent("整改记录晚于期限（孙监督 · 2026-12-10 09:00）");

    fireEvent.click(within(rectify).getByTestId("supervision-case-open"));
    expect(opened).toHaveBeenCalledWith("c9");
  });

  it("appeals a standing card with a reason and shows the board the backend answers with", async () => {
    renderPage();
    await cardRows();
    // 申诉 only on the card not appealed yet; no 裁定 for a clerk.
    expect(screen.getAllByTestId("appeal-open")).toHaveLength(1);
    expect(within(rowOf("red")).queryByTestId("appeal-open")).not.toBeInTheDocument();
    expect(within(rowOf("rectify_late")).queryByTestId("appeal-open")).not.toBeInTheDocument();
    expect(screen.queryByTestId("rule-open")).not.toBeInTheDocument();

    fireEvent.click(within(rowOf("yellow")).getByTestId("appeal-open"));
    const modal = await screen.findByTestId("action-modal");
    expect(screen.getByText(`申诉黄牌：${YELLOW.case_no}`)).toBeInTheDocument();
    expect(within(modal).getByTestId("supervision-modal-card")).toHaveTextContent("食品经营许可（新办）");
    // The reason is required.
    fireEvent.click(screen.getByTestId("modal-ok"));
    expect(await within(modal).findByText("必填")).toBeInTheDocument();
    expect(appeals).toHaveLength(0);

    const reason = within(modal).getByTestId("appeal-reason");
    expect(reason.tagName).toBe("TEXTAREA");
    fireEvent.change(reason, { target: { value: "  系统停电，当日无法受理  " } });
    fireEvent.click(screen.getByTestId("modal-ok"));

    await waitFor(() => expect(appeals).toHaveLength(1));
    expect(appeals[0]).toEqual({
      action_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      case_id: "c7",
      card: "yellow",
      reason: "系统停电，当日无法受理",
    });
    expect(await screen.findByText("已提出申诉，等待监督员裁定")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("action-modal")).not.toBeInTheDocument());
    const yellow = rowOf("yellow");
    expect(within(yellow).getByTestId("card-status")).toHaveTextContent("申诉待裁定");
    expect(within(yellow).getByTestId("card-appeal")).toHaveTextContent("系统停电，当日无法受理");
    expect(within(yellow).queryByTestId("appeal-open")).not.toBeInTheDocument();
    // The answer is the board: nothing read again.
    expect(reads).toBe(1);
  });

  it("offers 裁定 only to a supervisor, on appeals waiting, and sends the ruling", async () => {
    current = board({ can_appeal: false, can_rule: true });
    renderPage();
    await cardRows();
    expect(screen.queryByTestId("appeal-open")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("rule-open")).toHaveLength(1);
    expect(within(rowOf("yellow")).queryByTestId("rule-open")).not.toBeInTheDocument();
    expect(within(rowOf("rectify_late")).queryByTestId("rule-open")).not.toBeInTheDocument();

    fireEvent.click(within(rowOf("red")).getByTestId("rule-open"));
    const modal = await screen.findByTestId("action-modal");
    expect(within(modal).getByTestId("supervision-modal-card")).toHaveTextContent("申请人要求延后现场核查");
    // The verdict, the note and the supervisor's password are required.
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(within(modal).getAllByText("必填")).toHaveLength(3));
    expect(rulings).toHaveLength(0);

    expect(within(modal).getByTestId("rule-note").tagName).toBe("TEXTAREA");
    const cancel = within(modal).getByTestId("rule-verdict-cancel");
    expect(within(modal).getByTestId("rule-verdict-uphold")).toBeInTheDocument();
    fireEvent.click(cancel);
    expect(cancel).toBeChecked();
    fireEvent.change(within(modal).getByTestId("rule-note"), { target: { value: "核查延期经首席代表同意" } });
    expect(within(modal).getByTestId("rule-password")).toHaveAttribute("type", "password");
    fireEvent.change(within(modal).getByTestId("rule-password"), { target: { value: "s3cret pass" } });
    fireEvent.click(screen.getByTestId("modal-ok"));

    await waitFor(() => expect(rulings).toHaveLength(1));
    expect(rulings[0]).toEqual({
      action_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      case_id: "c7",
      card: "red",
      uphold: false,
      note: "核查延期经首席代表同意",
      password: "s3cret pass",
    });
    expect(await screen.findByText("已裁定：撤销预警")).toBeInTheDocument();
    const red = rowOf("red");
    expect(within(red).getByTestId("card-status")).toHaveTextContent("已撤销");
    expect(within(red).getByTestId("card-ruling")).toHaveTextContent("核查延期经首席代表同意（孙监督");
    expect(screen.queryByTestId("rule-open")).not.toBeInTheDocument();
  });

  it("upholds a card when the supervisor says so", async () => {
    current = board({ can_appeal: false, can_rule: true });
    renderPage();
    await cardRows();
    fireEvent.click(within(rowOf("red")).getByTestId("rule-open"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.click(within(modal).getByTestId("rule-verdict-uphold"));
    fireEvent.change(within(modal).getByTestId("rule-note"), { target: { value: "超期属实" } });
    fireEvent.change(within(modal).getByTestId("rule-password"), { target: { value: "pw" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(rulings).toHaveLength(1));
    expect(rulings[0]?.uphold).toBe(true);
    expect(await screen.findByText("已裁定：维持预警")).toBeInTheDocument();
    expect(within(rowOf("red")).getByTestId("card-status")).toHaveTextContent("已维持");
  });

  it("keeps the modal open with a refusal, and the retry keeps its action key", async () => {
    appealAnswers.push(() => apiError("already_appealed", "该黄牌已申诉过，每张预警只能申诉一次"));
    renderPage();
    await cardRows();
    fireEvent.click(within(rowOf("yellow")).getByTestId("appeal-open"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.change(within(modal).getByTestId("appeal-reason"), { target: { value: "系统停电" } });
    fireEvent.click(screen.getByTestId("modal-ok"));

    const error = await within(modal).findByTestId("modal-error");
    expect(error).toHaveTextContent("该预警已申诉过");
    expect(error).toHaveTextContent("每张预警只能申诉一次");
    expect(within(rowOf("yellow")).getByTestId("card-status")).toHaveTextContent("未申诉");

    fireEvent.click(screen.getByTestId("modal-ok"));
    await waitFor(() => expect(appeals).toHaveLength(2));
    expect(appeals[1]?.action_key).toBe(appeals[0]?.action_key);
    await waitFor(() => expect(screen.queryByTestId("action-modal")).not.toBeInTheDocument());
    expect(within(rowOf("yellow")).getByTestId("card-status")).toHaveTextContent("申诉待裁定");
  });

  it("shows a supervisor's refusal in the modal", async () => {
    current = board({ can_appeal: false, can_rule: true });
    invoke.mockImplementation(
      fakeBackend({
        supervision_board: () => current,
        supervision_rule: () => apiError("supervisor_only", "只有中心监督员可以裁定申诉"),
      }),
    );
    renderPage();
    await cardRows();
    fireEvent.click(within(rowOf("red")).getByTestId("rule-open"));
    const modal = await screen.findByTestId("action-modal");
    fireEvent.click(within(modal).getByTestId("rule-verdict-uphold"));
    fireEvent.change(within(modal).getByTestId("rule-note"), { target: { value: "超期属实" } });
    fireEvent.change(within(modal).getByTestId("rule-password"), { target: { value: "pw" } });
    fireEvent.click(screen.getByTestId("modal-ok"));
    const error = await within(modal).findByTestId("modal-error");
    expect(error).toHaveTextContent("只有监督员可以裁定申诉");
    expect(error).toHaveTextContent("只有中心监督员可以裁定申诉");
    expect(within(rowOf("red")).getByTestId("card-status")).toHaveTextContent("申诉待裁定");
  });

  it("offers neither action to one who may do neither", async () => {
    current = board({ can_appeal: false, can_rule: false });
    renderPage();
    await cardRows();
    expect(screen.queryByTestId("appeal-open")).not.toBeInTheDocument();
    expect(screen.queryByTestId("rule-open")).not.toBeInTheDocument();
  });

  it("filters to the appeals waiting, and to one window", async () => {
    renderPage();
    await cardRows();
    fireEvent.click(screen.getByTestId("supervision-appealed-only"));
    await waitFor(() => expect(screen.getAllByTestId("supervision-card")).toHaveLength(1));
    expect(screen.getByTestId("supervision-card")).toHaveAttribute("data-level", "red");
    fireEvent.click(screen.getByTestId("supervision-appealed-only"));
    await waitFor(() => expect(screen.getAllByTestId("supervision-card")).toHaveLength(3));

    const select = screen.getByTestId("supervision-window-filter");
    fireEvent.mouseDown(select.querySelector(".ant-select-selector") ?? select);
    fireEvent.click(await screen.findByText("5号窗口", { selector: ".ant-select-item-option-content" }));
    await waitFor(() => expect(screen.getAllByTestId("supervision-card")).toHaveLength(1));
    expect(screen.getByTestId("supervision-card")).toHaveAttribute("data-case-no", RECTIFY.case_no);

    // A window with nothing waiting: the filters match no card.
    fireEvent.click(screen.getByTestId("supervision-appealed-only"));
    expect(await screen.findByTestId("supervision-none-match")).toHaveTextContent("没有符合条件的预警");
  });

  it("says when the department has no cards", async () => {
    current = board({ cards: [], windows: [] });
    renderPage();
    expect(await screen.findByTestId("supervision-empty")).toHaveTextContent("本部门没有预警");
    expect(screen.queryByTestId("supervision-windows")).not.toBeInTheDocument();
    expect(screen.queryByTestId("supervision-card")).not.toBeInTheDocument();
  });

  it("points to settings when the window is not set up", async () => {
    invoke.mockImplementation(
      fakeBackend({ supervision_board: () => apiError("workstation_not_configured", "本窗口尚未设置") }),
    );
    const onGoSettings = vi.fn();
    renderPage(() => {}, onGoSettings);
    fireEvent.click(await screen.findByTestId("workstation-go-settings"));
    expect(onGoSettings).toHaveBeenCalled();
  });
});
