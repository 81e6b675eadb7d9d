// Settings → 连接县级中心 over a fake backend: the enrollment sends the hub address and token
// (the CA only when given), then reads the session and window again; a refusal is titled by its
// code with the hub's own message; an enrolled PC shows where it is enrolled.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EnrollRequest, SessionState, SyncStatus } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";
import { PROFILE, workstation } from "../../test/fixtures";
import { SessionProvider } from "../session/SessionProvider";
import { useSession } from "../session/context";
import { WorkstationProvider } from "../workstation/WorkstationProvider";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { HubCard } from "./HubCard";
import { SyncProvider } from "./SyncProvider";

const ENROLLED: SyncStatus = {
  enrolled: true,
  hub_address: "https://hub.jiangyong.gov.cn:8443",
  workstation_id: "ws-431125-007",
  online: true,
  pending: 0,
  conflicts: 0,
  last_sync_at: "2026-03-02T01:11:00Z",
  last_error: null,
  needs_update: false,
};

let session: SessionState;
let enrolls: EnrollRequest[];
let enrollAnswer: (req: EnrollRequest) => unknown;

beforeEach(() => {
  session = { enrolled: false, user: null };
  enrolls = [];
  enrollAnswer = () => {
    session = { enrolled: true, user: null };
    return ENROLLED;
  };
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      session_current: () => session,
      workstation_get: () => workstation(PROFILE),
      sync_status: () => (session.enrolled ? ENROLLED : { ...ENROLLED, enrolled: false, hub_address: null, workstation_id: null }),
      sync_enroll: (req: EnrollRequest) => {
        enrolls.push(req);
        return enrollAnswer(req);
      },
    }),
  );
});

/** What the card's parent would show once the session says "enrolled, nobody logged in". */
function LoginNeeded() {
  const { enrolled, user } = useSession();
  return enrolled && user === null ? <div data-testid="login-needed" /> : null;
}

function Card() {
  const { enrolled } = useSession();
  return (
    <SyncProvider enabled={enrolled}>
      <HubCard />
      <LoginNeeded />
    </SyncProvider>
  );
}

function renderCard() {
  return render(
    <AntApp>
      <SessionProvider>
        <WorkstationProvider>
          <Card />
        </WorkstationProvider>
      </SessionProvider>
    </AntApp>,
  );
}

describe("connect to the county hub", () => {
  it("sends the hub address and token, then reads the session and the window again", async () => {
    renderCard();
    const address = await screen.findByTestId("hub-address");
    expect(address).toHaveAttribute("placeholder", "https://hub.example.gov.cn:8443");
    fireEvent.change(address, { target: { value: " https://hub.jiangyong.gov.cn:8443 " } });
    fireEvent.change(screen.getByTestId("hub-token"), { target: { value: "K7Q2-9XHD-M4PA" } });
    const workstationReads = invoke.mock.calls.filter(([c]) => c === "workstation_get").length;
    fireEvent.click(screen.getByTestId("hub-enroll"));

    await waitFor(() => expect(enrolls).toHaveLength(1));
    expect(enrolls[0]).toEqual({
      hub_address: "https://hub.jiangyong.gov.cn:8443",
      token: "K7Q2-9XHD-M4PA",
      ca_pem: null,
    });
    expect(await screen.findByTestId("login-needed")).toBeInTheDocument();
    expect(invoke.mock.calls.filter(([c]) => c === "workstation_get").length).toBe(workstationReads + 1);
    expect(await screen.findByTestId("hub-enrolled-address")).toHaveTextContent(
      "https://hub.jiangyong.gov.cn:8443",
    );
    expect(screen.getByTestId("hub-enrolled-id")).toHaveTextContent("ws-431125-007");
  });

  it("sends the county CA certificate given under 高级", async () => {
    renderCard();
    fireEvent.change(await screen.findByTestId("hub-address"), {
      target: { value: "https://10.43.1.5:8443" },
    });
    fireEvent.change(screen.getByTestId("hub-token"), { target: { value: "K7Q2" } });
    fireEvent.click(screen.getByTestId("hub-advanced"));
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    fireEvent.change(screen.getByTestId("hub-ca-pem"), { target: { value: pem } });
    fireEvent.click(screen.getByTestId("hub-enroll"));
    await waitFor(() => expect(enrolls).toHaveLength(1));
    expect(enrolls[0]?.ca_pem).toBe(pem);
  });

  it("titles a refusal by its code and shows the hub's own message", async () => {
    enrollAnswer = () => apiError("enrollment_refused", "注册码已使用或已过期，请向县级信息科重新申请。");
    renderCard();
    fireEvent.change(await screen.findByTestId("hub-address"), {
      target: { value: "https://hub.jiangyong.gov.cn:8443" },
    });
    fireEvent.change(screen.getByTestId("hub-token"), { target: { value: "USED" } });
    fireEvent.click(screen.getByTestId("hub-enroll"));

    const alert = await screen.findByTestId("hub-error");
    expect(alert).toHaveTextContent("县级中心拒绝注册");
    expect(alert).toHaveTextContent("注册码已使用或已过期，请向县级信息科重新申请。");
    expect(screen.queryByTestId("login-needed")).not.toBeInTheDocument();

    enrollAnswer = () => apiError("enrollment_needs_empty_cache", "本机已有 3 个办件，不能注册到县级中心。");
    fireEvent.click(screen.getByTestId("hub-enroll"));
    await waitFor(() => expect(screen.getByTestId("hub-error")).toHaveTextContent("本机已有办件数据，不能注册"));
    expect(screen.getByTestId("hub-error")).toHaveTextContent("本机已有 3 个办件，不能注册到县级中心。");
  });

  it("asks for the address and the token before sending anything", async () => {
    renderCard();
    fireEvent.click(await screen.findByTestId("hub-enroll"));
    expect(await screen.findByText("请输入县级中心地址")).toBeInTheDocument();
    expect(screen.getByText("请输入注册码")).toBeInTheDocument();
    expect(enrolls).toHaveLength(0);
  });

  it("shows where an enrolled PC is enrolled and that the county sets its place", async () => {
    session = { enrolled: true, user: null };
    renderCard();
    expect(await screen.findByTestId("hub-enrolled-address")).toHaveTextContent(
      "https://hub.jiangyong.gov.cn:8443",
    );
    expect(screen.getByTestId("hub-enrolled")).toHaveTextContent("由县级中心在注册时确定");
    expect(screen.queryByTestId("hub-address")).not.toBeInTheDocument();
  });
});
