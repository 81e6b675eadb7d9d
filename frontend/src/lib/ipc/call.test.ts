// Tests the IPC error conversion in call.ts with a mocked Tauri `invoke`.
import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

import { api } from "./bindings";

/** Makes the next `invoke` reject with `reason`, the way Tauri rejects a failed command. */
function rejectWith(reason: unknown) {
  invoke.mockImplementation(() => Promise.reject(reason));
}
import { call, IpcError, onIpcError, onIpcSuccess, toIpcError } from "./call";

describe("call", () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it("passes the request as `req` and returns the result", async () => {
    invoke.mockResolvedValue({ lang: "en", data_dir: "/tmp/x" });
    await expect(api.settingsGet()).resolves.toEqual({ lang: "en", data_dir: "/tmp/x" });
    expect(invoke).toHaveBeenCalledWith("settings_get", { req: null });

    invoke.mockResolvedValue([]);
    await api.catalogSearch({ query: "登记", department: null });
    expect(invoke).toHaveBeenLastCalledWith("catalog_search", {
      req: { query: "登记", department: null },
    });
  });

  it("keeps the code and message of an ApiError rejection", async () => {
    rejectWith({ code: "catalog_invalid", message: "第 3 行：缺少字段\n第 9 行：格式错误" });
    const err = await call("catalog_import", { text: "{}" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect(err).toBeInstanceOf(Error);
    expect((err as IpcError).code).toBe("catalog_invalid");
    expect((err as IpcError).message).toBe("第 3 行：缺少字段\n第 9 行：格式错误");
    expect((err as IpcError).command).toBe("catalog_import");
  });

  it("keeps the per-field messages of an ApiError, dropping malformed ones", async () => {
    rejectWith({
      code: "invalid_applicant",
      message: "申请人信息有误",
      fields: [
        { field: "applicant.id_number", message: "居民身份证号码有误" },
        { field: 3, message: "bad" },
      ],
    });
    const err = (await call("case_intake", {}).catch((e: unknown) => e)) as IpcError;
    expect(err.code).toBe("invalid_applicant");
    expect(err.fields).toEqual([{ field: "applicant.id_number", message: "居民身份证号码有误" }]);
    expect(toIpcError("x", { code: "case_changed", message: "m" }).fields).toEqual([]);
  });

  it("turns a string rejection into ipc_failed", async () => {
    rejectWith("command catalog_foo not found");
    const err = await call("catalog_foo", null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect((err as IpcError).code).toBe("ipc_failed");
    expect((err as IpcError).message).toBe("command catalog_foo not found");
  });

  it("tells error listeners about every failed command, until they unsubscribe", async () => {
    const heard: string[] = [];
    const stop = onIpcError((e) => heard.push(`${e.command}:${e.code}`));
    const broken = onIpcError(() => {
      throw new Error("listener bug");
    });
    rejectWith({ code: "login_required", message: "请先登录" });
    const err = (await call("case_queue", {}).catch((e: unknown) => e)) as IpcError;
    expect(err.code).toBe("login_required");
    expect(heard).toEqual(["case_queue:login_required"]);

    invoke.mockResolvedValue([]);
    await call("alerts_list", null);
    stop();
    broken();
    rejectWith("gone");
    await call("alerts_list", null).catch(() => {});
    expect(heard).toEqual(["case_queue:login_required"]);
  });

  it("tells success listeners which command succeeded, and never a failed one", async () => {
    const heard: string[] = [];
    const stop = onIpcSuccess((command) => heard.push(command));
    invoke.mockResolvedValue({});
    await call("case_act", {});
    rejectWith({ code: "illegal_transition", message: "不允许" });
    await call("case_act", {}).catch(() => {});
    stop();
    invoke.mockResolvedValue({});
    await call("case_intake", {});
    expect(heard).toEqual(["case_act"]);
  });

  it("does not trust unknown codes or malformed objects", () => {
    expect(toIpcError("x", { code: "made_up", message: "m" }).code).toBe("ipc_failed");
    expect(toIpcError("x", { code: "catalog_invalid" }).code).toBe("ipc_failed");
    expect(toIpcError("x", null).code).toBe("ipc_failed");
    expect(toIpcError("x", new TypeError("boom")).message).toBe("boom");
    expect(toIpcError("x", undefined).message).toContain("x");
  });
});
