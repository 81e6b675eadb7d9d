// Tests kind, material form, required and time-limit labels in both languages.
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translate";
import { formLabel, kindLabel, limitsText, requiredLabel } from "./labels";

const zh = translator("zh-CN");
const en = translator("en");

describe("labels", () => {
  it("labels item kinds", () => {
    expect(kindLabel("immediate", zh)).toBe("即办件");
    expect(kindLabel("promised", zh)).toBe("承诺件");
    expect(kindLabel("joint", zh)).toBe("联办件");
    expect(kindLabel("immediate", en)).toBe("Immediate");
    expect(kindLabel("promised", en)).toBe("Promised");
    expect(kindLabel("joint", en)).toBe("Joint");
  });

  it("labels material forms and required flags", () => {
    expect(formLabel("original", zh)).toBe("原件");
    expect(formLabel("copy", zh)).toBe("复印件");
    expect(formLabel("original", en)).toBe("Original");
    expect(formLabel("copy", en)).toBe("Copy");
    expect(requiredLabel(true, zh)).toBe("必交");
    expect(requiredLabel(false, zh)).toBe("选交");
    expect(requiredLabel(false, en)).toBe("Optional");
  });

  it("writes time limits in working days", () => {
    expect(limitsText(10, 20, zh)).toBe("承诺 10 / 法定 20 个工作日");
    expect(limitsText(0, 15, zh)).toBe("即办 / 法定 15 个工作日");
    expect(limitsText(0, 0, zh)).toBe("即办");
    expect(limitsText(5, 0, zh)).toBe("承诺 5 个工作日");
    expect(limitsText(10, 20, en)).toBe("Promised 10 / statutory 20 working days");
  });
});
