// The header's sync badge over a fake backend: online state, what waits, conflicts and the last
// sync in China time; 立即同步 calls the backend and shows a failure's own message; the
// conflicts count opens the conflicts page; a required update warns until it is installed.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncStatus } from "../../lib/ipc";
import { apiError, fakeBackend } from "../../test/backend";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { NeedsUpdateAlert } from "./NeedsUpdateAlert";
import { SyncProvider } from "./SyncProvider";
import { SyncStatusBar } from "./SyncStatusBar";

function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    enrolled: true,
    hub_address: "https://hub.jiangyong.gov.cn:8443",
    workstation_id: "ws-431125-007",
    online: true,
    pending: 3,
    conflicts: 2,
    last_sync_at: "2026-03-02T01:11:00Z",
    last_error: null,
    needs_update: false,
    ...overrides,
  };
}

let status: SyncStatus;
let syncNow: () => unknown;

beforeEach(() => {
  status = syncStatus();
  syncNow = () => {
    status = syncStatus({ pending: 0, last_sync_at: "2026-03-02T02:30:00Z" });
    return status;
  };
  invoke.mockReset();
  invoke.mockImplementation(
    fakeBackend({
      sync_status: () => status,
      sync_now: () => syncNow(),
    }),
  );
});

function renderBar(onOpenConflicts: () => void = () => {}, enabled = true) {
  return render(
    <AntApp>
      <SyncProvider enabled={enabled}>
        <NeedsUpdateAlert />
        <SyncStatusBar onOpenConflicts={onOpenConflicts} />
      </SyncProvider>
    </AntApp>,
  );
}

describe("sync status badge", () => {
  it("shows online, pending and conflicts counts and the last sync in China time", async () => {
    renderBar();
    expect(await screen.findByTestId("sync-online")).toHaveTextContent("在线");
    expect(screen.getByTestId("sync-pending")).toHaveTextContent("待同步 3");
    expect(screen.getByTestId("sync-conflicts")).toHaveTextContent("冲突 2");
    expect(screen.getByTestId("sync-conflicts")).toHaveClass("ant-btn-dangerous");
    expect(screen.getByTestId("sync-last")).toHaveTextContent("上次同步 2026-03-02 09:11");
    expect(screen.queryByTestId("sync-needs-update")).not.toBeInTheDocument();
  });

  it("says 未同步 before the first attempt and 离线 when the hub cannot be reached", async () => {
    status = syncStatus({ online: null, last_sync_at: null, conflicts: 0 });
    const { unmount } = renderBar();
    expect(await screen.findByTestId("sync-online")).toHaveTextContent("未同步");
    expect(screen.getByTestId("sync-last")).toHaveTextContent("尚未同步成功");
    expect(screen.getByTestId("sync-conflicts")).not.toHaveClass("ant-btn-dangerous");
    unmount();

    status = syncStatus({ online: false });
    renderBar();
    expect(await screen.findByTestId("sync-online")).toHaveTextContent("离线");
  });

  it("syncs now through the backend and shows the new status", async () => {
    renderBar();
    fireEvent.click(await screen.findByTestId("sync-now"));
    await waitFor(() => expect(screen.getByTestId("sync-pending")).toHaveTextContent("待同步 0"));
    expect(invoke).toHaveBeenCalledWith("sync_now", { req: null });
    expect(screen.getByTestId("sync-last")).toHaveTextContent("上次同步 2026-03-02 10:30");
    expect(await screen.findByText("同步完成")).toBeInTheDocument();
  });

  it("shows the error's own message when sync now fails, and the hub as offline", async () => {
    syncNow = () => {
      status = syncStatus({ online: false });
      return apiError("hub_offline", "无法连接县级中心（hub.jiangyong.gov.cn:8443），数据已保存在本机，稍后自动重试。");
    };
    renderBar();
    fireEvent.click(await screen.findByTestId("sync-now"));
    expect(
      await screen.findByText("无法连接县级中心（hub.jiangyong.gov.cn:8443），数据已保存在本机，稍后自动重试。"),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("sync-online")).toHaveTextContent("离线"));
  });

  it("opens the conflicts page from the conflicts count", async () => {
    const opened = vi.fn();
    renderBar(opened);
    fireEvent.click(await screen.findByTestId("sync-conflicts"));
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it("warns that the county requires an update while keeping the data on this PC", async () => {
    status = syncStatus({ needs_update: true });
    renderBar();
    expect(await screen.findByTestId("sync-needs-update")).toHaveTextContent(
      "县级中心要求更新本软件，未同步的数据仍安全保存在本机",
    );
    expect(screen.getByTestId("sync-needs-update").querySelector(".ant-alert-close-icon")).toBeNull();
  });

  it("reads nothing and shows nothing on a PC that is not enrolled", async () => {
    renderBar(() => {}, false);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId("sync-status")).not.toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalled();
  });

  it("reads the status again every 10 seconds", async () => {
    vi.useFakeTimers();
    try {
      renderBar();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(screen.getByTestId("sync-pending")).toHaveTextContent("待同步 3");

      status = syncStatus({ pending: 5 });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10_000);
      });
      expect(invoke).toHaveBeenCalledTimes(2);
      expect(screen.getByTestId("sync-pending")).toHaveTextContent("待同步 5");
    } finally {
      vi.useRealTimers();
    }
  });
});
