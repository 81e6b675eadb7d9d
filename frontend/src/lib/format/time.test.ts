// Tests the counter-time formatting.
import { describe, expect, it } from "vitest";
import { formatLocalTime } from "./time";

describe("formatLocalTime", () => {
  it("shows local times to the minute", () => {
    expect(formatLocalTime("2026-02-10T09:00:12.345")).toBe("2026-02-10 09:00");
    expect(formatLocalTime("2026-02-10 09:05:00")).toBe("2026-02-10 09:05");
    expect(formatLocalTime("2026-02-10T09:05:00+08:00")).toBe("2026-02-10 09:05");
    expect(formatLocalTime("soon")).toBe("soon");
  });
});
