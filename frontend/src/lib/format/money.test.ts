// Tests money formatting from integer fen.
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translate";
import { feeText, formatFen, parseYuan } from "./money";

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

describe("parseYuan", () => {
  it("reads a typed yuan amount as integer fen", () => {
    expect(parseYuan("80")).toBe(8000);
    expect(parseYuan(" 12.5 ")).toBe(1250);
    expect(parseYuan("0.05")).toBe(5);
    expect(parseYuan("19.99")).toBe(1999);
  });

  it("refuses negative amounts, three decimals and words", () => {
    expect(parseYuan("-1")).toBeNull();
    expect(parseYuan("1.234")).toBeNull();
    expect(parseYuan("八十")).toBeNull();
    expect(parseYuan("")).toBeNull();
  });
});
