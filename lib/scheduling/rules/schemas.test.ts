import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  appointmentTypeRule,
  availabilityException,
  cancellationNoticeHours,
  seriesRule,
  timeZone,
  weeklyBlock,
  weeklyHours,
} from "./schemas";

/** The messages of a failed parse, keyed by path, as a form would show them. */
function errors(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("weeklyBlock / weeklyHours", () => {
  it("accepts a normal block and 24:00 as an end", () => {
    expect(weeklyBlock.parse({ weekday: 1, start: "09:00", end: "17:30" })).toEqual({
      weekday: 1,
      start: "09:00",
      end: "17:30",
    });
    expect(weeklyBlock.safeParse({ weekday: 7, start: "18:00", end: "24:00" }).success).toBe(true);
  });

  it("explains bad times, weekdays and order", () => {
    expect(errors(weeklyBlock, { weekday: 1, start: "9:00", end: "17:00" })).toEqual({
      start: ["Use the 24-hour format HH:MM, e.g. 09:00."],
    });
    expect(errors(weeklyBlock, { weekday: 1, start: "24:00", end: "24:00" }).start).toBeDefined();
    expect(errors(weeklyBlock, { weekday: 0, start: "09:00", end: "17:00" })).toEqual({
      weekday: ["Weekday must be 1 (Monday) to 7 (Sunday), ISO numbering."],
    });
    expect(errors(weeklyBlock, { weekday: 8, start: "09:00", end: "17:00" }).weekday).toHaveLength(1);
    expect(errors(weeklyBlock, { weekday: 1.5, start: "09:00", end: "17:00" }).weekday).toBeDefined();
    expect(errors(weeklyBlock, { weekday: 1, start: "17:00", end: "09:00" })).toEqual({
      end: ["End time must be after start time."],
    });
    expect(errors(weeklyBlock, { weekday: 1, start: "09:00", end: "09:00" })).toEqual({
      end: ["End time must be after start time."],
    });
  });

  it("allows several blocks a day but not overlapping ones", () => {
    expect(
      weeklyHours.safeParse([
        { weekday: 1, start: "09:00", end: "12:00" },
        { weekday: 1, start: "12:00", end: "17:00" },
        { weekday: 2, start: "10:00", end: "13:00" },
      ]).success,
    ).toBe(true);
    expect(
      errors(weeklyHours, [
        { weekday: 1, start: "09:00", end: "12:00" },
        { weekday: 1, start: "11:00", end: "13:00" },
      ]),
    ).toEqual({ "1.start": ["Blocks on Monday overlap (09:00–12:00 and 11:00–13:00)."] });
    // A malformed block gets its format message only, not a bogus overlap.
    expect(
      errors(weeklyHours, [
        { weekday: 1, start: "09:00", end: "12:00" },
        { weekday: 1, start: "9:30", end: "13:00" },
      ]),
    ).toEqual({ "1.start": ["Use the 24-hour format HH:MM, e.g. 09:00."] });
  });
});

describe("availabilityException", () => {
  it("accepts the time-off shapes and extra hours", () => {
    for (const input of [
      { kind: "time_off", startDate: "2026-03-30" },
      { kind: "time_off", startDate: "2026-03-30", endDate: "2026-04-03", note: "Easter" },
      { kind: "time_off", startDate: "2026-03-30", start: "12:00", end: "14:00" },
      { kind: "time_off", startDate: "2026-03-27", start: "12:00", endDate: "2026-03-30", end: "10:00" },
      { kind: "extra_hours", date: "2026-03-28", start: "10:00", end: "14:00" },
    ]) {
      expect(availabilityException.safeParse(input).success).toBe(true);
    }
  });

  it("explains bad ranges", () => {
    expect(errors(availabilityException, { kind: "time_off", startDate: "2026-03-30", endDate: "2026-03-29" })).toEqual(
      {
        endDate: ["The last day off cannot be before the first."],
      },
    );
    expect(
      errors(availabilityException, { kind: "time_off", startDate: "2026-03-30", start: "14:00", end: "12:00" }),
    ).toEqual({
      end: ["End time must be after start time."],
    });
    expect(
      errors(availabilityException, { kind: "extra_hours", date: "2026-03-28", start: "14:00", end: "10:00" }),
    ).toEqual({
      end: ["End time must be after start time."],
    });
    expect(
      errors(availabilityException, { kind: "extra_hours", date: "28/03/2026", start: "10:00", end: "14:00" }),
    ).toEqual({
      date: ["Use the format YYYY-MM-DD."],
    });
    expect(availabilityException.safeParse({ kind: "holiday", startDate: "2026-03-30" }).success).toBe(false);
  });
});

describe("seriesRule", () => {
  it("accepts a count or an until date", () => {
    expect(seriesRule.safeParse({ start: "2026-03-09T10:00", intervalWeeks: 2, count: 6 }).success).toBe(true);
    expect(seriesRule.safeParse({ start: "2026-03-09T10:00", intervalWeeks: 1, until: "2026-03-09" }).success).toBe(
      true,
    );
  });

  it("explains bad rules", () => {
    const msg = "Give either a number of sessions or an end date, not both.";
    expect(errors(seriesRule, { start: "2026-03-09T10:00", intervalWeeks: 1 })).toEqual({ count: [msg] });
    expect(errors(seriesRule, { start: "2026-03-09T10:00", intervalWeeks: 1, count: 3, until: "2026-06-01" })).toEqual({
      count: [msg],
    });
    expect(errors(seriesRule, { start: "2026-03-09T10:00", intervalWeeks: 1, until: "2026-03-08" })).toEqual({
      until: ["The end date cannot be before the first session."],
    });
    expect(errors(seriesRule, { start: "2026-03-09T10:00", intervalWeeks: 1, count: 53 })).toEqual({
      count: ["A series can have at most 52 sessions."],
    });
    expect(errors(seriesRule, { start: "2026-03-09T10:00", intervalWeeks: 0, count: 3 })).toEqual({
      intervalWeeks: ["Repeat at least every week."],
    });
    expect(errors(seriesRule, { start: "2026-03-09 10:00", intervalWeeks: 1, count: 3 })).toEqual({
      start: ["Use the format YYYY-MM-DDTHH:MM."],
    });
    expect(errors(seriesRule, { start: "2026-03-09T10:00:00", intervalWeeks: 1, count: 3 }).start).toBeDefined();
  });
});

describe("other shapes", () => {
  it("appointmentTypeRule defaults the buffer to 0", () => {
    expect(appointmentTypeRule.parse({ durationMin: 60 })).toEqual({ durationMin: 60, bufferAfterMin: 0 });
    expect(errors(appointmentTypeRule, { durationMin: 0, bufferAfterMin: -5 })).toEqual({
      durationMin: ["An appointment lasts at least 5 minutes."],
      bufferAfterMin: ["The buffer cannot be negative."],
    });
  });

  it("timeZone accepts IANA names only", () => {
    expect(timeZone.safeParse("America/New_York").success).toBe(true);
    expect(errors(timeZone, "Mars/Olympus")).toEqual({ "": ["Use an IANA time zone name such as Europe/London."] });
  });

  it("cancellationNoticeHours is whole hours within two weeks", () => {
    expect(cancellationNoticeHours.safeParse(24).success).toBe(true);
    expect(cancellationNoticeHours.safeParse(337).success).toBe(false);
    expect(cancellationNoticeHours.safeParse(1.5).success).toBe(false);
  });
});
