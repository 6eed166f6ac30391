import { describe, expect, it } from "vitest";
import { clinicFormat, clinicHourCycle, dateFieldOrder } from "./clinic-format";
import { joinDateParts } from "./date-parts";
import { CLINIC_LOCALES } from "./clinic-locales";

// 9 Dec 2026 01:35:10 UTC: still 8 December in the Americas.
const at = new Date("2026-12-09T01:35:10Z");
const end = new Date("2026-12-09T02:20:00Z");

describe("clinic date and time format", () => {
  it("writes each clinic locale its own way, on the clinic's clocks", () => {
    const got = Object.fromEntries(
      CLINIC_LOCALES.map((locale) => {
        const f = clinicFormat({ locale, timeZone: "Europe/London" });
        // ICU puts thin and narrow no-break spaces around some ranges and before "am": read them as spaces.
        const plain = (x: string) => x.replace(/[\u2009\u202f\u00a0]/g, " ");
        return [locale, [f.at(at, "dateTime"), f.at(at, "weekdayShort"), f.timeRange(at, end)].map(plain)];
      }),
    );
    expect(got).toEqual({
      "en-GB": ["9 Dec 2026, 01:35", "Wed 9 Dec", "01:35–02:20"],
      "en-US": ["Dec 9, 2026, 1:35 AM", "Wed, Dec 9", "1:35 – 2:20 AM"],
      "en-AU": ["9 Dec 2026, 1:35 am", "Wed, 9 Dec", "1:35 – 2:20 am"],
      "en-CA": ["Dec 9, 2026, 1:35 a.m.", "Wed, Dec 9", "1:35–2:20 a.m."],
      "en-NZ": ["9 Dec 2026, 1:35 am", "Wed, 9 Dec", "1:35 – 2:20 am"],
      "en-IE": ["9 Dec 2026, 01:35", "Wed, 9 Dec", "01:35–02:20"],
    });
  });

  it("uses the clinic's zone, never the runtime's default", () => {
    expect(clinicFormat({ locale: "en-US", timeZone: "America/Los_Angeles" }).at(at, "dateTime")).toBe(
      "Dec 8, 2026, 5:35 PM",
    );
    expect(clinicFormat({ locale: "en-NZ", timeZone: "Pacific/Auckland" }).at(at, "dateTime")).toBe(
      "9 Dec 2026, 2:35 pm",
    );
    expect(clinicFormat({ locale: "en-GB", timeZone: "America/New_York" }).zoneName(at)).toBe("GMT-5");
    expect(clinicFormat({ locale: "en-US", timeZone: "America/New_York" }).zoneName(at)).toBe("EST");
  });

  it("writes a calendar date as the day it is, whatever the zone", () => {
    for (const timeZone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]) {
      expect(clinicFormat({ locale: "en-GB", timeZone }).day("2027-03-01", "dateLong")).toBe("1 March 2027");
      expect(clinicFormat({ locale: "en-US", timeZone }).day("2027-03-01", "weekdayShort")).toBe("Mon, Mar 1");
    }
    expect(() => clinicFormat({ locale: "en-GB", timeZone: "UTC" }).day("2027-3-1", "date")).toThrow(RangeError);
  });

  it("writes an appointment's day and times, and a schedule's wall-clock times, in the clinic's style", () => {
    const gb = clinicFormat({ locale: "en-GB", timeZone: "Europe/London" });
    const us = clinicFormat({ locale: "en-US", timeZone: "America/New_York" });
    const from = new Date("2026-12-01T15:00:00Z");
    const to = new Date("2026-12-01T16:30:00Z");
    expect(gb.span(from, to)).toBe("Tue 1 Dec, 15:00–16:30");
    expect(us.span(from, to)).toBe("Tue, Dec 1, 10:00 – 11:30 AM");
    expect(gb.dayTime(from)).toBe("Tue 1 Dec, 15:00");
    expect(us.dayTime(from)).toBe("Tue, Dec 1, 10:00 AM");
    expect([gb.wall("09:00"), gb.wall(17 * 60 + 30), gb.wall(24 * 60)]).toEqual(["09:00", "17:30", "00:00"]);
    expect([us.wall("09:00"), us.wall(17 * 60 + 30)]).toEqual(["9:00 AM", "5:30 PM"]);
    expect(() => us.wall("9:00")).toThrow(RangeError);
    // No thin or narrow no-break spaces: the server's and the browser's ICU may differ on them.
    expect(us.timeRange(from, to)).not.toMatch(/[\u2009\u202f]/);
  });

  it("needs no per-locale number format: every clinic locale writes 30,400.25 the same way", () => {
    for (const locale of CLINIC_LOCALES) expect(new Intl.NumberFormat(locale).format(30400.25)).toBe("30,400.25");
  });

  it("gives date fields the clinic's order and clock, whatever the browser's locale", () => {
    // What the date and time fields follow (app/_components/ui/date-time-field.tsx): the same
    // convention the formatted dates use, so an input never contradicts the page around it.
    expect(dateFieldOrder("en-US")).toEqual(["month", "day", "year"]);
    for (const l of ["en-GB", "en-AU", "en-NZ", "en-IE"] as const)
      expect(dateFieldOrder(l)).toEqual(["day", "month", "year"]);
    expect(dateFieldOrder("en-CA")).toEqual(["year", "month", "day"]);
    expect(CLINIC_LOCALES.map((l) => [l, clinicHourCycle(l)])).toEqual([
      ["en-GB", 24],
      ["en-US", 12],
      ["en-AU", 12],
      ["en-CA", 12],
      ["en-NZ", 12],
      ["en-IE", 24],
    ]);
    // The hour cycle agrees with the clinic's own time style.
    for (const l of CLINIC_LOCALES)
      expect(/[ap]\.?m\.?/i.test(clinicFormat({ locale: l, timeZone: "UTC" }).wall("14:00"))).toBe(
        clinicHourCycle(l) === 12,
      );
  });

  it("joins day, month and year boxes into a calendar date only when they make one", () => {
    expect(joinDateParts({ day: "2", month: "4", year: "2027" })).toBe("2027-04-02");
    expect(joinDateParts({ day: "", month: "", year: "" })).toBe("");
    expect(joinDateParts({ day: "29", month: "2", year: "2027" })).toBeNull();
    expect(joinDateParts({ day: "31", month: "4", year: "2027" })).toBeNull();
    expect(joinDateParts({ day: "29", month: "2", year: "2028" })).toBe("2028-02-29");
    expect(joinDateParts({ day: "2", month: "", year: "2027" })).toBeNull();
    expect(joinDateParts({ day: "2", month: "13", year: "2027" })).toBeNull();
    expect(joinDateParts({ day: "2", month: "4", year: "27" })).toBeNull();
  });
});
