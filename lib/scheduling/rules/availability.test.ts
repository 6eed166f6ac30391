import { describe, expect, it } from "vitest";
import { expandAvailability, timeOffInterval } from "./availability";
import type { TimeInterval } from "./intervals";
import { weeklyHours, type AvailabilityException, type WeeklyBlock } from "./schemas";
import { localDateOf, wallTimeOf, zonedInstant } from "@/lib/format/zoned";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";

const weekdays = (start: string, end: string): WeeklyBlock[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const everyDay = (start: string, end: string): WeeklyBlock[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

/** "2026-03-30 09:00–17:00" on the clinic's clocks. */
const local = (list: TimeInterval[], zone: string) =>
  list.map((i) => `${localDateOf(i.start, zone)} ${wallTimeOf(i.start, zone)}–${wallTimeOf(i.end, zone)}`);
const utc = (list: TimeInterval[]) => list.map((i) => `${i.start.toISOString()}/${i.end.toISOString()}`);
const range = (zone: string, fromDate: string, toDate: string) => ({
  from: zonedInstant(fromDate, "00:00", zone),
  to: zonedInstant(toDate, "00:00", zone),
});

describe("weekly blocks across daylight-saving changes", () => {
  it("Europe/London spring forward (29 March 2026): 09:00–17:00 local on both sides", () => {
    const out = expandAvailability({
      weekly: weekdays("09:00", "17:00"),
      timeZone: LONDON,
      ...range(LONDON, "2026-03-23", "2026-04-04"),
    });
    expect(out).toHaveLength(10);
    expect(local(out, LONDON).every((s) => s.endsWith("09:00–17:00"))).toBe(true);
    // GMT = UTC+0 before the change, BST = UTC+1 after it.
    expect(utc(out)).toContain("2026-03-27T09:00:00.000Z/2026-03-27T17:00:00.000Z");
    expect(utc(out)).toContain("2026-03-30T08:00:00.000Z/2026-03-30T16:00:00.000Z");
  });

  it("Europe/London autumn change (25 October 2026)", () => {
    const out = expandAvailability({
      weekly: weekdays("09:00", "17:00"),
      timeZone: LONDON,
      ...range(LONDON, "2026-10-19", "2026-10-31"),
    });
    expect(out).toHaveLength(10);
    expect(utc(out)).toContain("2026-10-23T08:00:00.000Z/2026-10-23T16:00:00.000Z");
    expect(utc(out)).toContain("2026-10-26T09:00:00.000Z/2026-10-26T17:00:00.000Z");
  });

  it("America/New_York (8 March and 1 November 2026)", () => {
    const spring = expandAvailability({
      weekly: weekdays("09:00", "17:00"),
      timeZone: NEW_YORK,
      ...range(NEW_YORK, "2026-03-02", "2026-03-14"),
    });
    // EST = UTC−5 before, EDT = UTC−4 after.
    expect(utc(spring)).toContain("2026-03-06T14:00:00.000Z/2026-03-06T22:00:00.000Z");
    expect(utc(spring)).toContain("2026-03-09T13:00:00.000Z/2026-03-09T21:00:00.000Z");
    const autumn = expandAvailability({
      weekly: weekdays("09:00", "17:00"),
      timeZone: NEW_YORK,
      ...range(NEW_YORK, "2026-10-26", "2026-11-07"),
    });
    expect(utc(autumn)).toContain("2026-10-30T13:00:00.000Z/2026-10-30T21:00:00.000Z");
    expect(utc(autumn)).toContain("2026-11-02T14:00:00.000Z/2026-11-02T22:00:00.000Z");
    expect(local(autumn, NEW_YORK).every((s) => s.endsWith("09:00–17:00"))).toBe(true);
  });

  it("a block on the change day itself keeps its wall-clock times and real length", () => {
    const spring = expandAvailability({
      weekly: [{ weekday: 7, start: "10:00", end: "14:00" }],
      timeZone: LONDON,
      ...range(LONDON, "2026-03-29", "2026-03-30"),
    });
    expect(utc(spring)).toEqual(["2026-03-29T09:00:00.000Z/2026-03-29T13:00:00.000Z"]);
    const autumn = expandAvailability({
      weekly: [{ weekday: 7, start: "10:00", end: "14:00" }],
      timeZone: LONDON,
      ...range(LONDON, "2026-10-25", "2026-10-26"),
    });
    expect(utc(autumn)).toEqual(["2026-10-25T10:00:00.000Z/2026-10-25T14:00:00.000Z"]);
  });
});

describe("blocks touching the skipped or repeated hour", () => {
  const sundayNight = (start: string, end: string, date: string) =>
    expandAvailability({
      weekly: [{ weekday: 7, start, end }],
      timeZone: LONDON,
      ...range(LONDON, date, date === "2026-03-29" ? "2026-03-30" : "2026-10-26"),
    });

  it("a block starting in the skipped hour starts when the clocks jump (02:00 BST)", () => {
    expect(utc(sundayNight("01:30", "03:00", "2026-03-29"))).toEqual([
      "2026-03-29T01:00:00.000Z/2026-03-29T02:00:00.000Z",
    ]);
    expect(local(sundayNight("01:30", "03:00", "2026-03-29"), LONDON)).toEqual(["2026-03-29 02:00–03:00"]);
    expect(local(sundayNight("01:30", "02:15", "2026-03-29"), LONDON)).toEqual(["2026-03-29 02:00–02:15"]);
  });

  it("a block wholly inside the skipped hour yields nothing", () => {
    expect(sundayNight("01:00", "02:00", "2026-03-29")).toEqual([]);
    expect(sundayNight("01:15", "01:45", "2026-03-29")).toEqual([]);
  });

  it("a block spanning the repeated hour lasts as long as the therapist is really there", () => {
    // 00:00–02:00 on the clocks, which show 01:00–02:00 twice: three real hours.
    expect(utc(sundayNight("00:00", "02:00", "2026-10-25"))).toEqual([
      "2026-10-24T23:00:00.000Z/2026-10-25T02:00:00.000Z",
    ]);
  });
});

describe("several blocks a day", () => {
  it("keeps a lunch break between blocks and merges touching blocks", () => {
    const weekly: WeeklyBlock[] = [
      { weekday: 1, start: "09:00", end: "12:30" },
      { weekday: 1, start: "13:30", end: "18:00" },
      { weekday: 2, start: "08:00", end: "12:00" },
      { weekday: 2, start: "12:00", end: "15:00" },
    ];
    const out = expandAvailability({ weekly, timeZone: LONDON, ...range(LONDON, "2026-03-30", "2026-04-01") });
    expect(local(out, LONDON)).toEqual(["2026-03-30 09:00–12:30", "2026-03-30 13:30–18:00", "2026-03-31 08:00–15:00"]);
  });

  it("accepts hours parsed by the API schema", () => {
    const weekly = weeklyHours.parse([
      { weekday: 3, start: "09:00", end: "12:00" },
      { weekday: 3, start: "14:00", end: "24:00" },
    ]);
    const out = expandAvailability({ weekly, timeZone: LONDON, ...range(LONDON, "2026-04-01", "2026-04-02") });
    expect(local(out, LONDON)).toEqual(["2026-04-01 09:00–12:00", "2026-04-01 14:00–00:00"]);
    expect(utc(out)[1]).toBe("2026-04-01T13:00:00.000Z/2026-04-01T23:00:00.000Z");
  });
});

describe("exceptions", () => {
  const weekly = weekdays("09:00", "17:00");
  const expand = (exceptions: AvailabilityException[], from = "2026-03-23", to = "2026-04-04", zone = LONDON) =>
    local(expandAvailability({ weekly, exceptions, timeZone: zone, ...range(zone, from, to) }), zone);

  it("time off for part of a day splits the block", () => {
    const out = expand([{ kind: "time_off", startDate: "2026-03-31", start: "11:00", end: "12:30" }]);
    expect(out.filter((s) => s.startsWith("2026-03-31"))).toEqual(["2026-03-31 09:00–11:00", "2026-03-31 12:30–17:00"]);
  });

  it("time off from a time runs to the end of the day", () => {
    const out = expand([{ kind: "time_off", startDate: "2026-03-26", start: "13:00" }]);
    expect(out.filter((s) => s.startsWith("2026-03-26"))).toEqual(["2026-03-26 09:00–13:00"]);
  });

  it("whole days off, single and several", () => {
    const out = expand([
      { kind: "time_off", startDate: "2026-03-24" },
      { kind: "time_off", startDate: "2026-04-01", endDate: "2026-04-03" },
    ]);
    expect(out.some((s) => s.startsWith("2026-03-24"))).toBe(false);
    expect(out.filter((s) => s >= "2026-04-01")).toEqual([]);
    expect(out).toHaveLength(10 - 4);
  });

  it("a time-off range across the spring-forward weekend (Friday 12:00 → Monday 10:00)", () => {
    const out = expand([
      { kind: "time_off", startDate: "2026-03-27", start: "12:00", endDate: "2026-03-30", end: "10:00" },
    ]);
    expect(out.filter((s) => s >= "2026-03-27" && s < "2026-03-31")).toEqual([
      "2026-03-27 09:00–12:00",
      "2026-03-30 10:00–17:00",
    ]);
    const off = timeOffInterval(
      { kind: "time_off", startDate: "2026-03-27", start: "12:00", endDate: "2026-03-30", end: "10:00" },
      LONDON,
    );
    // 12:00 GMT Friday to 10:00 BST Monday: 69 real hours, not 70.
    expect(off && (off.end.getTime() - off.start.getTime()) / 3_600_000).toBe(69);
  });

  it("extra hours add a block on a day with no weekly hours, either side of the change", () => {
    const out = expand([
      { kind: "extra_hours", date: "2026-03-28", start: "10:00", end: "14:00" },
      { kind: "extra_hours", date: "2026-03-29", start: "10:00", end: "14:00" },
    ]);
    expect(out.filter((s) => s.startsWith("2026-03-28") || s.startsWith("2026-03-29"))).toEqual([
      "2026-03-28 10:00–14:00",
      "2026-03-29 10:00–14:00",
    ]);
  });

  it("extra hours extend a working day and merge with it", () => {
    const out = expand([{ kind: "extra_hours", date: "2026-03-25", start: "17:00", end: "19:30" }]);
    expect(out.filter((s) => s.startsWith("2026-03-25"))).toEqual(["2026-03-25 09:00–19:30"]);
  });

  it("time off wins over extra hours recorded on the same day", () => {
    const out = expand([
      { kind: "extra_hours", date: "2026-03-28", start: "10:00", end: "14:00" },
      { kind: "time_off", startDate: "2026-03-28" },
    ]);
    expect(out.some((s) => s.startsWith("2026-03-28"))).toBe(false);
  });

  it("exceptions outside the range have no effect", () => {
    const out = expand([
      { kind: "extra_hours", date: "2026-05-02", start: "10:00", end: "14:00" },
      { kind: "time_off", startDate: "2026-05-04" },
    ]);
    expect(out).toHaveLength(10);
  });

  it("New York: a half day off on the day after the change", () => {
    const out = expand(
      [{ kind: "time_off", startDate: "2026-03-09", start: "09:00", end: "13:00" }],
      "2026-03-09",
      "2026-03-10",
      NEW_YORK,
    );
    expect(out).toEqual(["2026-03-09 13:00–17:00"]);
  });
});

describe("range handling", () => {
  it("clips to [from, to)", () => {
    const out = expandAvailability({
      weekly: weekdays("09:00", "17:00"),
      timeZone: LONDON,
      from: zonedInstant("2026-03-30", "12:00", LONDON),
      to: zonedInstant("2026-03-31", "10:00", LONDON),
    });
    expect(local(out, LONDON)).toEqual(["2026-03-30 12:00–17:00", "2026-03-31 09:00–10:00"]);
  });

  it("returns nothing for an empty range and refuses an unknown zone", () => {
    const at = new Date("2026-03-30T09:00:00Z");
    expect(expandAvailability({ weekly: everyDay("09:00", "17:00"), timeZone: LONDON, from: at, to: at })).toEqual([]);
    expect(() =>
      expandAvailability({ weekly: [], timeZone: "Nowhere/Town", from: at, to: new Date(at.getTime() + 1) }),
    ).toThrow(/Unknown time zone/);
  });

  // How fast is the bench's business (npm run bench: slot finder), not a timed test's.
  it("expands a whole year for a series check: two intervals every weekday", () => {
    const out = expandAvailability({
      weekly: [...weekdays("09:00", "12:30"), ...weekdays("13:30", "18:00")],
      timeZone: LONDON,
      ...range(LONDON, "2026-01-01", "2027-01-01"),
    });
    expect(out).toHaveLength(261 * 2);
  });
});
