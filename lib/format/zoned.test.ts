import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  isoWeekdayOf,
  isValidTimeZone,
  localDateOf,
  localDatesCovering,
  parseWallTime,
  wallTimeOf,
  zonedInstant,
} from "./zoned";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const iso = (d: Date) => d.toISOString();

describe("zonedInstant: 09:00 stays 09:00 on the clinic's clocks across DST", () => {
  it.each([
    // London: GMT (UTC+0) until 29 March 2026, BST (UTC+1) until 25 October 2026.
    [LONDON, "2026-03-28", "2026-03-28T09:00:00.000Z"],
    [LONDON, "2026-03-29", "2026-03-29T08:00:00.000Z"],
    [LONDON, "2026-03-30", "2026-03-30T08:00:00.000Z"],
    [LONDON, "2026-10-24", "2026-10-24T08:00:00.000Z"],
    [LONDON, "2026-10-25", "2026-10-25T09:00:00.000Z"],
    [LONDON, "2026-10-26", "2026-10-26T09:00:00.000Z"],
    // New York: EST (UTC−5) until 8 March 2026, EDT (UTC−4) until 1 November 2026.
    [NEW_YORK, "2026-03-07", "2026-03-07T14:00:00.000Z"],
    [NEW_YORK, "2026-03-08", "2026-03-08T13:00:00.000Z"],
    [NEW_YORK, "2026-10-31", "2026-10-31T13:00:00.000Z"],
    [NEW_YORK, "2026-11-01", "2026-11-01T14:00:00.000Z"],
  ])("%s %s 09:00 → %s", (zone, date, expected) => {
    const instant = zonedInstant(date, "09:00", zone);
    expect(iso(instant)).toBe(expected);
    expect(wallTimeOf(instant, zone)).toBe("09:00");
    expect(localDateOf(instant, zone)).toBe(date);
  });

  it("accepts minutes since midnight and 24:00 as the next midnight", () => {
    expect(iso(zonedInstant("2026-03-30", 9 * 60 + 30, LONDON))).toBe("2026-03-30T08:30:00.000Z");
    expect(iso(zonedInstant("2026-03-28", "24:00", LONDON))).toBe(iso(zonedInstant("2026-03-29", "00:00", LONDON)));
    expect(iso(zonedInstant("2026-03-29", "24:00", LONDON))).toBe("2026-03-29T23:00:00.000Z");
  });
});

describe("zonedInstant: skipped and repeated wall-clock times", () => {
  it("a skipped time resolves to the moment the clocks jump past it", () => {
    // London, 29 March 2026: 01:00 GMT → 02:00 BST; 01:00–01:59 never appear on the clocks.
    const london = zonedInstant("2026-03-29", "01:30", LONDON);
    expect(iso(london)).toBe("2026-03-29T01:00:00.000Z");
    expect(wallTimeOf(london, LONDON)).toBe("02:00");
    expect(iso(zonedInstant("2026-03-29", "01:00", LONDON))).toBe("2026-03-29T01:00:00.000Z");
    // New York, 8 March 2026: 02:00 EST → 03:00 EDT.
    const ny = zonedInstant("2026-03-08", "02:30", NEW_YORK);
    expect(iso(ny)).toBe("2026-03-08T07:00:00.000Z");
    expect(wallTimeOf(ny, NEW_YORK)).toBe("03:00");
  });

  it("does not depend on the server's own time zone (TZDate alone does, for these times)", () => {
    // Berlin, 29 March 2026: 02:00 CET → 03:00 CEST. Raw TZDate gave 01:30 CET when run under TZ=Europe/London.
    expect(iso(zonedInstant("2026-03-29", "02:30", "Europe/Berlin"))).toBe("2026-03-29T01:00:00.000Z");
    // Berlin, 25 October 2026: raw TZDate gave the second 02:30 (CET) under TZ=UTC.
    expect(iso(zonedInstant("2026-10-25", "02:30", "Europe/Berlin"))).toBe("2026-10-25T00:30:00.000Z");
  });

  it("a time that does exist right after the jump resolves exactly", () => {
    expect(iso(zonedInstant("2026-03-29", "02:00", LONDON))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(zonedInstant("2026-03-29", "00:59", LONDON))).toBe("2026-03-29T00:59:00.000Z");
  });

  it("a repeated time resolves to its first (summer-time) occurrence", () => {
    // London, 25 October 2026: 02:00 BST → 01:00 GMT, so 01:00–01:59 happen twice.
    expect(iso(zonedInstant("2026-10-25", "01:30", LONDON))).toBe("2026-10-25T00:30:00.000Z");
    // New York, 1 November 2026: 02:00 EDT → 01:00 EST.
    expect(iso(zonedInstant("2026-11-01", "01:30", NEW_YORK))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("handles a 30-minute DST shift (Lord Howe Island)", () => {
    // 4 October 2026: 02:00 LHST (UTC+10:30) → 02:30 LHDT (UTC+11).
    const t = zonedInstant("2026-10-04", "02:15", "Australia/Lord_Howe");
    expect(wallTimeOf(t, "Australia/Lord_Howe")).toBe("02:30");
    expect(iso(t)).toBe("2026-10-03T15:30:00.000Z");
  });

  it.each([LONDON, NEW_YORK, "Europe/Berlin", "Australia/Sydney"])(
    "round-trips every quarter hour around the 2026 changes in %s",
    (zone) => {
      const days = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01"];
      for (const day of days) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let t = start; t < start + 3 * 86_400_000; t += 15 * 60_000) {
          const instant = new Date(t);
          const back = zonedInstant(localDateOf(instant, zone), wallTimeOf(instant, zone), zone);
          // Same clock reading, and never later: a repeated reading maps to its first instant.
          expect(wallTimeOf(back, zone)).toBe(wallTimeOf(instant, zone));
          expect(back.getTime()).toBeLessThanOrEqual(t);
          expect(t - back.getTime()).toBeLessThanOrEqual(60 * 60_000);
        }
      }
    },
  );
});

describe("calendar helpers", () => {
  it("steps calendar dates, not 24-hour periods", () => {
    expect(addLocalDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addLocalDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addLocalDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addLocalDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("numbers weekdays the ISO way (Monday 1 … Sunday 7)", () => {
    expect(isoWeekdayOf("2026-03-29")).toBe(7);
    expect(isoWeekdayOf("2026-03-30")).toBe(1);
    expect(isoWeekdayOf("2026-11-01")).toBe(7);
  });

  it("lists the local dates a range touches, including a 23-hour day", () => {
    const from = zonedInstant("2026-03-28", "12:00", LONDON);
    const to = zonedInstant("2026-03-30", "00:00", LONDON);
    expect(localDatesCovering(from, to, LONDON)).toEqual(["2026-03-28", "2026-03-29"]);
    expect(localDatesCovering(to, from, LONDON)).toEqual([]);
  });

  it("reads the local date in the clinic's zone, not UTC", () => {
    expect(localDateOf(new Date("2026-03-09T03:00:00Z"), NEW_YORK)).toBe("2026-03-08");
  });

  it("refuses malformed input instead of rolling it over", () => {
    expect(() => zonedInstant("2026-02-30", "09:00", LONDON)).toThrow(/Invalid local date/);
    expect(() => zonedInstant("2026-03-01", "9:00", LONDON)).toThrow(/Invalid time/);
    expect(() => zonedInstant("2026-03-01", "09:00", "Mars/Olympus")).toThrow(/Unknown time zone/);
    expect(() => parseWallTime("24:30")).toThrow();
    expect(parseWallTime("24:00")).toBe(1440);
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("")).toBe(false);
  });
});
