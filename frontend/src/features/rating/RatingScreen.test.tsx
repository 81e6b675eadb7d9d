// The applicant's rating screen over a fake backend: idle without an invitation; with one,
// nothing is chosen at first and 提交评价 stays disabled until a level is chosen; the chosen
// rating, reasons and comment are sent with a fresh key, and a thank-you follows.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RatingPrompt, RatingSubmitRequest } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { RatingApp } from "./RatingApp";

const PROMPT: RatingPrompt = {
  case_id: "case-1",
  case_no: "431125-SCJG-W03-2026-000001",
  item_name: "食品经营许可（新办）",
  applicant: "张*",
  window_name: "3号窗口",
  clerk: "李娜",
  reasons: [
    ["slow", "办理时间长"],
    ["extra_materials", "要求额外材料"],
  ],
};

const LEVELS = ["very_satisfied", "satisfied", "basic", "dissatisfied", "very_dissatisfied"];

let prompt: RatingPrompt | null;
let submits: RatingSubmitRequest[];
let submitAnswer: (() => unknown) | null;

beforeEach(() => {
  prompt = PROMPT;
  submits = [];
  submitAnswer = null;
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      rating_prompt: () => prompt,
      rating_submit: (req: RatingSubmitRequest) => {
        submits.push(req);
        if (submitAnswer) return submitAnswer();
        prompt = null;
        return null;
      },
    }),
  );
});

describe("rating screen", () => {
  it("waits with a welcome while no case is to be rated", async () => {
    prompt = null;
    render(<RatingApp />);
    expect(await screen.findByTestId("rating-idle")).toHaveTextContent("欢迎评价请对本次服务作出评价");
    // Only the invitation is read from this window: no settings, session or catalog.
    expect(invoke.mock.calls.every(([command]) => command === "rating_prompt")).toBe(true);
  });

  it("shows the case with nothing chosen, and keeps 提交评价 disabled until a level is chosen", async () => {
    render(<RatingApp />);
    expect(await screen.findByTestId("rating-case")).toHaveTextContent("431125-SCJG-W03-2026-000001");
    expect(screen.getByTestId("rating-case")).toHaveTextContent("张* · 3号窗口 · 经办人 李娜");
    for (const level of LEVELS) {
      expect(screen.getByTestId(`rating-${level}`)).toHaveAttribute("aria-checked", "false");
    }
    expect(screen.getByTestId("rating-submit")).toBeDisabled();
    fireEvent.click(screen.getByTestId("rating-submit"));
    expect(submits).toHaveLength(0);

    fireEvent.click(screen.getByTestId("rating-satisfied"));
    expect(screen.getByTestId("rating-satisfied")).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("rating-submit")).toBeEnabled();
  });

  it("sends the chosen rating with its reasons and comment, then thanks the applicant", async () => {
    render(<RatingApp />);
    fireEvent.click(await screen.findByTestId("rating-dissatisfied"));
    expect(screen.getByTestId("rating-bad-hint")).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText("要求额外材料"));
    fireEvent.change(screen.getByTestId("rating-comment"), { target: { value: " 让我补了两次材料 " } });
    fireEvent.click(screen.getByTestId("rating-submit"));

    await waitFor(() => expect(submits).toHaveLength(1));
    expect(submits[0]).toEqual({
      action_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      case_id: "case-1",
      rating: "dissatisfied",
      reasons: ["extra_materials"],
      comment: "让我补了两次材料",
    });
    expect(await screen.findByTestId("rating-thanks")).toHaveTextContent("感谢您的评价");
  });

  it("keeps the choice and the key when a submission is refused, and retries with them", async () => {
    submitAnswer = () => apiError("storage_failed", "本机数据保存失败");
    render(<RatingApp />);
    fireEvent.click(await screen.findByTestId("rating-very_satisfied"));
    fireEvent.click(screen.getByTestId("rating-submit"));
    expect(await screen.findByTestId("rating-error")).toHaveTextContent("本机数据保存失败");
    expect(screen.getByTestId("rating-very_satisfied")).toHaveAttribute("aria-checked", "true");

    submitAnswer = null;
    fireEvent.click(screen.getByTestId("rating-submit"));
    await waitFor(() => expect(submits).toHaveLength(2));
    expect(submits[1]?.action_key).toBe(submits[0]?.action_key);
    expect(submits[1]?.rating).toBe("very_satisfied");
    expect(submits[1]?.comment).toBeNull();
  });
});
