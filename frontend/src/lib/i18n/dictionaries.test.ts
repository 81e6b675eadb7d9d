// Tests that both dictionaries have exactly the same keys and matching placeholders.
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { interpolate, translator } from "./translate";
import { zhCN } from "./zh-CN";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it("use the same placeholders for each key and no empty strings", () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
      expect(zhCN[key].length, key).toBeGreaterThan(0);
      expect(en[key].length, key).toBeGreaterThan(0);
    }
  });
});

describe("translate", () => {
  it("interpolates parameters and leaves unknown ones visible", () => {
    expect(interpolate("目录 {version} · {region}", { version: "2026.11", region: "江永县" })).toBe(
      "目录 2026.11 · 江永县",
    );
    expect(interpolate("{a} {b}", { a: 1 })).toBe("1 {b}");
    expect(translator("zh-CN")("import.catalogSuccess", { version: "2026.11", count: 24 })).toBe(
      "已导入目录 2026.11（24 个事项）",
    );
    expect(translator("zh-CN")("import.catalogUnchanged", { version: "2026.11" })).toBe(
      "目录 2026.11 已是最新，无变化",
    );
  });
});
