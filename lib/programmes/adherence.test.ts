import { describe, expect, it } from "vitest";
import { combineAdherence, programmeAdherence, type CompletionRecord, type ProgrammeVersionInput } from "./adherence";

const LONDON = "Europe/London";
const DAILY = [1, 2, 3, 4, 5, 6, 7];
const v = (
  version: number,
  startDate: string,
  items: ProgrammeVersionInput["items"],
  endDate?: string,
): ProgrammeVersionInput => ({
  version,
  startDate,
  endDate,
  items,
});
const done = (exerciseId: string, ...times: string[]): CompletionRecord[] =>
  times.map((completedAt) => ({ exerciseId, completedAt }));
const dailyA = [v(1, "2025-01-01", [{ exerciseId: "a", sessionsPerDay: 1, daysOfWeek: DAILY }])];

describe("programmeAdherence", () => {
  it("counts sessions per day × prescribed weekdays over a full week", () => {
    const versions = [
      v(1, "2025-03-01", [
        { exerciseId: "a", sessionsPerDay: 1, daysOfWeek: DAILY },
        { exerciseId: "b", sessionsPerDay: 2, daysOfWeek: [1, 3, 5] },
      ]),
    ];
    const completions = [
      ...done(
        "a",
        "2025-03-03T08:00:00Z",
        "2025-03-04T08:00:00Z",
        "2025-03-05T08:00:00Z",
        "2025-03-06T08:00:00Z",
        "2025-03-08T08:00:00Z",
      ),
      // b on a Tuesday is a make-up session in the same week: it counts.
      ...done(
        "b",
        "2025-03-03T08:00:00Z",
        "2025-03-03T18:00:00Z",
        "2025-03-04T08:00:00Z",
        "2025-03-05T08:00:00Z",
        "2025-03-07T08:00:00Z",
        "2025-03-07T18:00:00Z",
      ),
    ];
    const r = programmeAdherence(versions, completions, { timeZone: LONDON, from: "2025-03-03", to: "2025-03-09" });
    expect(r.weeks).toHaveLength(1);
    expect(r.weeks[0]).toMatchObject({
      weekStart: "2025-03-03",
      isoWeek: "2025-W10",
      partial: false,
      prescribed: 13,
      completed: 11,
    });
    expect(r.weeks[0]?.byExercise).toEqual({
      a: { prescribed: 7, completed: 5, ratio: 5 / 7 },
      b: { prescribed: 6, completed: 6, ratio: 1 },
    });
    expect(r.ratio).toBeCloseTo(11 / 13);
  });

  it("keeps 23:30 on Sunday in that week across the spring DST change, and 00:30 Monday in the next", () => {
    const completions = done(
      "a",
      "2025-03-30T22:30:00Z", // 23:30 BST, Sunday 30 March (clocks went forward that morning)
      "2025-03-30T23:30:00Z", // 00:30 BST, Monday 31 March — still Sunday in UTC
    );
    const r = programmeAdherence(dailyA, completions, { timeZone: LONDON, from: "2025-03-24", to: "2025-04-06" });
    expect(r.weeks.map((w) => [w.weekStart, w.prescribed, w.completed])).toEqual([
      ["2025-03-24", 7, 1],
      ["2025-03-31", 7, 1],
    ]);
  });

  it("keeps seven prescribed days in the autumn week with a 25-hour Sunday", () => {
    const completions = done("a", "2025-10-26T00:30:00+01:00", "2025-10-26T23:30:00Z");
    const r = programmeAdherence(dailyA, completions, { timeZone: LONDON, from: "2025-10-20", to: "2025-10-26" });
    expect(r.weeks).toEqual([
      expect.objectContaining({ weekStart: "2025-10-20", prescribed: 7, completed: 2, partial: false }),
    ]);
  });

  it("puts a Sunday 23:30 completion west of UTC in the local week, not the UTC one", () => {
    // 23:30 Sunday 12 January in New York is 04:30 Monday in UTC.
    const r = programmeAdherence(dailyA, done("a", "2025-01-12T23:30:00-05:00"), {
      timeZone: "America/New_York",
      from: "2025-01-06",
      to: "2025-01-19",
    });
    expect(r.weeks.map((w) => w.completed)).toEqual([1, 0]);
  });

  it("handles partial first and last weeks, counting only days inside the range", () => {
    const completions = done("a", "2025-03-04T09:00:00Z", "2025-03-05T09:00:00Z", "2025-03-18T09:00:00Z");
    const r = programmeAdherence(dailyA, completions, { timeZone: LONDON, from: "2025-03-05", to: "2025-03-18" });
    expect(
      r.weeks.map((w) => ({
        week: w.weekStart,
        first: w.firstDay,
        last: w.lastDay,
        partial: w.partial,
        p: w.prescribed,
        c: w.completed,
      })),
    ).toEqual([
      { week: "2025-03-03", first: "2025-03-05", last: "2025-03-09", partial: true, p: 5, c: 1 },
      { week: "2025-03-10", first: "2025-03-10", last: "2025-03-16", partial: false, p: 7, c: 0 },
      { week: "2025-03-17", first: "2025-03-17", last: "2025-03-18", partial: true, p: 2, c: 1 },
    ]);
    expect(r.uncredited).toBe(1); // the Tuesday before the range
    expect(r.weeks.map((w) => w.low)).toEqual([true, true, false]);
  });

  it("lets a new version supersede the old one from its start date, mid-week", () => {
    const versions = [
      v(1, "2025-03-01", [{ exerciseId: "a", sessionsPerDay: 1, daysOfWeek: DAILY }]),
      v(2, "2025-03-06", [
        // Thursday
        { exerciseId: "a", sessionsPerDay: 1, daysOfWeek: [1, 3, 5] },
        { exerciseId: "b", sessionsPerDay: 2, daysOfWeek: DAILY },
      ]),
    ];
    // b logged on Tuesday, before version 2 prescribed it: not credited.
    const completions = [
      ...done("a", "2025-03-04T09:00:00Z", "2025-03-07T09:00:00Z"),
      ...done("b", "2025-03-04T09:00:00Z", "2025-03-06T09:00:00Z"),
    ];
    const r = programmeAdherence(versions, completions, { timeZone: LONDON, from: "2025-03-03", to: "2025-03-09" });
    // a: Mon–Wed under v1 (3) + Friday under v2 (1); b: Thu–Sun × 2 = 8.
    expect(r.weeks[0]?.byExercise).toEqual({
      a: { prescribed: 4, completed: 2, ratio: 0.5 },
      b: { prescribed: 8, completed: 1, ratio: 1 / 8 },
    });
    expect(r.uncredited).toBe(1);
  });

  it("honours a version's end date and lets the higher version win a shared start date", () => {
    const versions = [
      v(1, "2025-03-03", [{ exerciseId: "a", sessionsPerDay: 1, daysOfWeek: DAILY }], "2025-03-04"),
      v(3, "2025-03-07", [{ exerciseId: "c", sessionsPerDay: 1, daysOfWeek: DAILY }]),
      v(2, "2025-03-07", [{ exerciseId: "b", sessionsPerDay: 1, daysOfWeek: DAILY }]),
    ];
    const r = programmeAdherence(versions, [], { timeZone: LONDON, from: "2025-03-03", to: "2025-03-09" });
    expect(r.byExercise).toEqual({
      a: { prescribed: 2, completed: 0, ratio: 0 },
      c: { prescribed: 3, completed: 0, ratio: 0 },
    });
  });

  it("caps credit per exercise per week at 100% and does not let one exercise cover another", () => {
    const versions = [
      v(1, "2025-03-01", [
        { exerciseId: "a", sessionsPerDay: 1, daysOfWeek: [1, 2] },
        { exerciseId: "b", sessionsPerDay: 1, daysOfWeek: [1, 2] },
      ]),
    ];
    const completions = done(
      "a",
      "2025-03-03T08:00:00Z",
      "2025-03-03T12:00:00Z",
      "2025-03-04T08:00:00Z",
      "2025-03-05T08:00:00Z",
    );
    const r = programmeAdherence(versions, completions, { timeZone: LONDON, from: "2025-03-03", to: "2025-03-09" });
    expect(r.weeks[0]).toMatchObject({ prescribed: 4, completed: 2, ratio: 0.5, uncredited: 2, low: false });
  });

  it("reports null, not 0 or NaN, when nothing is prescribed", () => {
    const weekend = [v(1, "2025-03-01", [{ exerciseId: "a", sessionsPerDay: 1, daysOfWeek: [6, 7] }])];
    const r = programmeAdherence(weekend, done("a", "2025-03-04T08:00:00Z"), {
      timeZone: LONDON,
      from: "2025-03-03",
      to: "2025-03-07",
    });
    expect(r.weeks[0]).toMatchObject({ prescribed: 0, completed: 0, ratio: null, low: false, byExercise: {} });
    expect(r).toMatchObject({ ratio: null, uncredited: 1, byExercise: {} });
    expect(programmeAdherence([], [], { timeZone: LONDON, from: "2025-03-03", to: "2025-03-09" }).ratio).toBeNull();
  });

  it("labels ISO weeks across the new year", () => {
    const r = programmeAdherence(dailyA, [], { timeZone: LONDON, from: "2024-12-30", to: "2025-01-05" });
    expect(r.weeks[0]).toMatchObject({ weekStart: "2024-12-30", isoWeek: "2025-W01", partial: false });
  });

  it("rejects unknown zones, impossible dates and reversed ranges", () => {
    const run = (timeZone: string, from: string, to: string) => () =>
      programmeAdherence(dailyA, [], { timeZone, from, to });
    expect(run("Mars/Olympus", "2025-03-03", "2025-03-09")).toThrow(/Unknown time zone/);
    expect(run("", "2025-03-03", "2025-03-09")).toThrow(/Unknown time zone/);
    expect(run(LONDON, "2025-02-30", "2025-03-09")).toThrow(/real date/);
    expect(run(LONDON, "2025-03-09", "2025-03-03")).toThrow(/after/);
    expect(() =>
      programmeAdherence(dailyA, done("a", "yesterday"), { timeZone: LONDON, from: "2025-03-03", to: "2025-03-09" }),
    ).toThrow(/valid instant/);
  });
});

describe("combineAdherence", () => {
  it("sums two programmes week by week before dividing", () => {
    const opts = { timeZone: LONDON, from: "2025-03-03", to: "2025-03-16" };
    const p1 = programmeAdherence(dailyA, done("a", "2025-03-03T08:00:00Z"), opts);
    const p2 = programmeAdherence(
      [v(1, "2025-03-10", [{ exerciseId: "b", sessionsPerDay: 1, daysOfWeek: [1] }])],
      done("b", "2025-03-10T08:00:00Z"),
      opts,
    );
    const c = combineAdherence([p1, p2]);
    expect(c.weeks.map((w) => [w.weekStart, w.prescribed, w.completed])).toEqual([
      ["2025-03-03", 7, 1],
      ["2025-03-10", 8, 1],
    ]);
    expect(c.ratio).toBeCloseTo(2 / 15);
    expect(c.byExercise.b).toEqual({ prescribed: 1, completed: 1, ratio: 1 });
    expect(c.weeks.every((w) => w.low)).toBe(true);
  });
});
