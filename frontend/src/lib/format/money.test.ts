// Tests money formatting from integer fen.
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translate";
import { feeText, formatFen } from "./money";

describe("formatFen", () => {
  it("formats fen as yuan with two decimals", () => {
    expect(formatFen(8000)).toBe("¥80.00");
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(2050)).toBe("¥20.50");
    expect(formatFen(123456789)).toBe("¥1,234,567.89");
    expect(formatFen(-50)).toBe("-¥0.50");
  });

  it("rejects fractional fen", () => {
    expect(() => formatFen(80.5)).toThrow(RangeError);
  });
});

describe("feeText", () => {
  it("shows 不收费 / Free of charge when there is no fee", () => {
    expect(feeText(null, translator("zh-CN"))).toBe("不收费");
    expect(feeText(undefined, translator("en"))).toBe("Free of charge");
    expect(feeText(8000, translator("zh-CN"))).toBe("¥80.00");
  });
});
