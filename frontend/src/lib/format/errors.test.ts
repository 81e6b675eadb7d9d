// Tests that every error code has an alert title in both languages.
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translate";
import { errorTitleKey } from "./errors";

describe("errorTitleKey", () => {
  it("titles import errors by code", () => {
    expect(translator("zh-CN")(errorTitleKey("catalog_invalid"))).toBe("目录文件有误，未导入");
    expect(translator("zh-CN")(errorTitleKey("catalog_older_than_current"))).toBe("版本较旧，未导入");
    expect(translator("en")(errorTitleKey("ipc_failed"))).toBe("Could not reach the local service");
  });

  it("titles the county hub's refusals by code", () => {
    expect(translator("zh-CN")(errorTitleKey("enrollment_refused"))).toBe("县级中心拒绝注册");
    expect(translator("zh-CN")(errorTitleKey("hub_offline"))).toBe("无法连接县级中心");
    expect(translator("en")(errorTitleKey("login_locked"))).toBe("Login temporarily locked");
  });
});
