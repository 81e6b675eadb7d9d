// 下班 in the header: the shift ends (the session is read again, bringing back the login
// screen) when nothing is left to answer for; otherwise the refusal says to hand over first
// and leads to the AB岗交接 page.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeBackend } from "../../test/backend";
import { CLERK, WithSession, loggedIn } from "../../test/session";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { UserBadge } from "./UserBadge";

const REFUSAL = "您还有 2 件未办结的办件，下班前须交接给B岗（AB岗），窗口不能无人负责。";
let endShift: () => unknown;

beforeEach(() => {
  endShift = () => ({ enrolled: true, user: null });
  invoke.mockReset();
  invoke.mockImplementation(fakeBackend({ session_end_shift: () => endShift() }));
});

function renderBadge(onGoHandover = vi.fn()) {
  const session = loggedIn(CLERK);
  render(
    <WithSession value={session}>
      <AntApp>
        <UserBadge onGoHandover={onGoHandover} />
      </AntApp>
    </WithSession>,
  );
  return { session, onGoHandover };
}

describe("end of shift", () => {
  it("ends the shift and reads the session again when nothing is open", async () => {
    const { session } = renderBadge();
    fireEvent.click(screen.getByTestId("end-shift"));
    await waitFor(() => expect(session.refresh).toHaveBeenCalled());
    expect(invoke).toHaveBeenCalledWith("session_end_shift", { req: null });
    expect(screen.queryByTestId("end-shift-refusal")).not.toBeInTheDocument();
  });

  it("shows the refusal with the handover hint, and leads to the handover page", async () => {
    endShift = () => apiError("handover_required", REFUSAL);
    const { session, onGoHandover } = renderBadge();
    fireEvent.click(screen.getByTestId("end-shift"));
    const refusal = await screen.findByTestId("end-shift-refusal");
    expect(refusal).toHaveTextContent(REFUSAL);
    expect(refusal).toHaveTextContent("请先在“AB岗交接”中将未办结的办件交接给B岗");
    expect(session.refresh).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("end-shift-go-handover"));
    expect(onGoHandover).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId("end-shift-refusal")).not.toBeInTheDocument());
  });
});
