import { describe, expect, it } from "vitest";
import {
  cancellationDeadline,
  decideCancellation,
  formatNoticePeriod,
  isLateCancellation,
  lateCancellationMessage,
} from "./cancellation";
import { wallTimeOf, zonedInstant } from "@/lib/format/zoned";

const start = new Date("2026-03-10T10:00:00Z");
const hoursBefore = (h: number, extraMs = 0) => new Date(start.getTime() - h * 3_600_000 + extraMs);

describe("isLateCancellation", () => {
  it("exactly the notice period before the start is still on time", () => {
    expect(isLateCancellation(start, hoursBefore(24), 24)).toBe(false);
    expect(isLateCancellation(start, hoursBefore(24, 1), 24)).toBe(true);
    expect(isLateCancellation(start, hoursBefore(30), 24)).toBe(false);
  });

  it("after the start is always late; with no notice period, up to the start is fine", () => {
    expect(isLateCancellation(start, new Date(start.getTime() + 60_000), 24)).toBe(true);
    expect(isLateCancellation(start, start, 0)).toBe(false);
    expect(isLateCancellation(start, new Date(start.getTime() + 1), 0)).toBe(true);
  });

  it("counts elapsed hours across the spring-forward night", () => {
    // Sunday 29 March 2026 10:00 BST; 24 elapsed hours earlier the clocks read 09:00 GMT.
    const sunday = zonedInstant("2026-03-29", "10:00", "Europe/London");
    const deadline = cancellationDeadline(sunday, 24);
    expect(deadline.toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(wallTimeOf(deadline, "Europe/London")).toBe("09:00");
    expect(isLateCancellation(sunday, zonedInstant("2026-03-28", "09:30", "Europe/London"), 24)).toBe(true);
  });

  it("refuses a negative notice period", () => {
    expect(() => isLateCancellation(start, start, -1)).toThrow(RangeError);
  });
});

describe("messages", () => {
  it("names the notice period", () => {
    expect(formatNoticePeriod(24)).toBe("24 hours");
    expect(formatNoticePeriod(1)).toBe("1 hour");
    expect(formatNoticePeriod(48)).toBe("2 days");
    expect(formatNoticePeriod(36)).toBe("36 hours");
    expect(formatNoticePeriod(0)).toBe("0 hours");
    expect(lateCancellationMessage(24)).toContain("up to 24 hours before");
  });

  it("decideCancellation refuses a late cancellation with the message", () => {
    expect(decideCancellation(start, hoursBefore(48), 24)).toEqual({ allowed: true });
    expect(decideCancellation(start, hoursBefore(2), 48)).toEqual({
      allowed: false,
      message: lateCancellationMessage(48),
    });
    expect(lateCancellationMessage(48)).toMatch(/2 days/);
  });
});
