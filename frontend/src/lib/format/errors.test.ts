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

  it("titles the refusals of 电子监察 by code", () => {
    expect(translator("zh-CN")(errorTitleKey("already_appealed"))).toBe("该预警已申诉过");
    expect(translator("zh-CN")(errorTitleKey("supervisor_only"))).toBe("只有监督员可以裁定申诉");
    expect(translator("en")(errorTitleKey("no_pending_appeal"))).toBe("No appeal is waiting for a ruling");
    expect(translator("en")(errorTitleKey("card_not_found"))).toBe("The case has no such card");
  });
});
