import { describe, expect, it } from "vitest";
import { expandSeries } from "./recurrence";
import { seriesRule } from "./schemas";
import { wallTimeOf } from "@/lib/format/zoned";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const iso = (d: Date) => d.toISOString();

describe("expandSeries", () => {
  it("every 2 weeks for a count, across the London spring change, stays at 10:00 local", () => {
    const { occurrences, truncated } = expandSeries(
      seriesRule.parse({ start: "2026-03-09T10:00", intervalWeeks: 2, count: 6 }),
      {
        timeZone: LONDON,
        durationMin: 60,
      },
    );
    expect(truncated).toBe(false);
    expect(occurrences.map((o) => o.localDate)).toEqual([
      "2026-03-09",
      "2026-03-23",
      "2026-04-06",
      "2026-04-20",
      "2026-05-04",
      "2026-05-18",
    ]);
    expect(occurrences.map((o) => iso(o.start))).toEqual([
      "2026-03-09T10:00:00.000Z",
      "2026-03-23T10:00:00.000Z",
      "2026-04-06T09:00:00.000Z",
      "2026-04-20T09:00:00.000Z",
      "2026-05-04T09:00:00.000Z",
      "2026-05-18T09:00:00.000Z",
    ]);
    expect(occurrences.every((o) => wallTimeOf(o.start, LONDON) === "10:00" && !o.shifted)).toBe(true);
    expect(occurrences.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("every 2 weeks until a date (inclusive), across the New York autumn change", () => {
    const rule = seriesRule.parse({ start: "2026-10-15T18:00", intervalWeeks: 2, until: "2026-11-26" });
    const { occurrences } = expandSeries(rule, { timeZone: NEW_YORK, durationMin: 45 });
    expect(occurrences.map((o) => iso(o.start))).toEqual([
      "2026-10-15T22:00:00.000Z", // EDT
      "2026-10-29T22:00:00.000Z",
      "2026-11-12T23:00:00.000Z", // EST
      "2026-11-26T23:00:00.000Z",
    ]);
    expect(occurrences.every((o) => wallTimeOf(o.start, NEW_YORK) === "18:00")).toBe(true);
    expect(occurrences.map((o) => (o.end.getTime() - o.start.getTime()) / 60_000)).toEqual([45, 45, 45, 45]);
    const dayEarlier = expandSeries({ ...rule, until: "2026-11-25" }, { timeZone: NEW_YORK, durationMin: 45 });
    expect(dayEarlier.occurrences).toHaveLength(3);
  });

  it("weekly across the London autumn change", () => {
    const { occurrences } = expandSeries(
      { start: "2026-10-19T09:00", intervalWeeks: 1, count: 2 },
      { timeZone: LONDON, durationMin: 60 },
    );
    expect(occurrences.map((o) => iso(o.start))).toEqual(["2026-10-19T08:00:00.000Z", "2026-10-26T09:00:00.000Z"]);
  });

  it("a one-session series is just the first occurrence", () => {
    const { occurrences } = expandSeries(
      { start: "2026-03-29T11:00", intervalWeeks: 3, count: 1 },
      { timeZone: LONDON, durationMin: 30 },
    );
    expect(occurrences.map((o) => iso(o.start))).toEqual(["2026-03-29T10:00:00.000Z"]);
  });

  it("caps an open-ended 'until' at 52 sessions and says so", () => {
    const { occurrences, truncated } = expandSeries(
      { start: "2026-01-05T09:00", intervalWeeks: 1, until: "2028-12-31" },
      { timeZone: LONDON, durationMin: 60 },
    );
    expect(occurrences).toHaveLength(52);
    expect(truncated).toBe(true);
    expect(occurrences.at(-1)!.localDate).toBe("2026-12-28");
  });

  it("is not truncated when the until date ends exactly at the cap", () => {
    const { occurrences, truncated } = expandSeries(
      { start: "2026-01-05T09:00", intervalWeeks: 1, until: "2026-12-28" },
      { timeZone: LONDON, durationMin: 60 },
    );
    expect(occurrences).toHaveLength(52);
    expect(truncated).toBe(false);
  });

  it("honours a smaller cap", () => {
    const { occurrences, truncated } = expandSeries(
      { start: "2026-01-05T09:00", intervalWeeks: 1, count: 10 },
      { timeZone: LONDON, durationMin: 60, maxOccurrences: 4 },
    );
    expect(occurrences).toHaveLength(4);
    expect(truncated).toBe(true);
  });

  it("flags a session whose time was skipped by the spring-forward change", () => {
    const { occurrences } = expandSeries(
      { start: "2026-03-22T01:30", intervalWeeks: 1, count: 3 },
      { timeZone: LONDON, durationMin: 30 },
    );
    expect(occurrences.map((o) => o.shifted)).toEqual([false, true, false]);
    expect(wallTimeOf(occurrences[1]!.start, LONDON)).toBe("02:00");
    expect(wallTimeOf(occurrences[2]!.start, LONDON)).toBe("01:30");
  });

  it("refuses a rule with both or neither of count and until, or a bad zone", () => {
    expect(() =>
      expandSeries({ start: "2026-03-09T10:00", intervalWeeks: 1 }, { timeZone: LONDON, durationMin: 60 }),
    ).toThrow(/exactly one/);
    expect(() =>
      expandSeries(
        { start: "2026-03-09T10:00", intervalWeeks: 1, count: 2, until: "2026-04-01" },
        { timeZone: LONDON, durationMin: 60 },
      ),
    ).toThrow(/exactly one/);
    expect(() =>
      expandSeries({ start: "2026-03-09T10:00", intervalWeeks: 0, count: 2 }, { timeZone: LONDON, durationMin: 60 }),
    ).toThrow(RangeError);
    expect(() =>
      expandSeries(
        { start: "2026-03-09T10:00", intervalWeeks: 1, count: 2 },
        { timeZone: "Europe/Atlantis", durationMin: 60 },
      ),
    ).toThrow(/Unknown time zone/);
  });
});
