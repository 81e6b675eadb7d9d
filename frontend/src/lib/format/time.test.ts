// Tests the counter-time formatting.
import { describe, expect, it } from "vitest";
import { formatChinaTime, formatLocalTime } from "./time";

describe("formatLocalTime", () => {
  it("shows local times to the minute", () => {
    expect(formatLocalTime("2026-02-10T09:00:12.345")).toBe("2026-02-10 09:00");
    expect(formatLocalTime("2026-02-10 09:05:00")).toBe("2026-02-10 09:05");
    expect(formatLocalTime("2026-02-10T09:05:00+08:00")).toBe("2026-02-10 09:05");
    expect(formatLocalTime("soon")).toBe("soon");
  });
});

describe("formatChinaTime", () => {
  it("shows UTC instants in China Standard Time", () => {
    expect(formatChinaTime("2026-03-02T01:11:00+00:00")).toBe("2026-03-02 09:11");
    expect(formatChinaTime("2026-03-01T20:30:59Z")).toBe("2026-03-02 04:30");
    expect(formatChinaTime("2026-03-02T09:11:00+08:00")).toBe("2026-03-02 09:11");
    expect(formatChinaTime("2026-02-10T09:00:12.345")).toBe("2026-02-10 09:00");
    expect(formatChinaTime("soon")).toBe("soon");
  });
});
