import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TZDate } from "@date-fns/tz";
import { format, parseISO } from "date-fns";
import { isoWeekLabel, localDayOf } from "./adherence";

// programmeAdherence walks clinic-local days with plain calendar arithmetic and puts tick-offs on their day
// with a cached Intl formatter (it used TZDate per day and per tick-off, the hot spot of the dashboard's
// low-adherence list). These properties hold the fast helpers to what date-fns in the zone says.
const ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Pacific/Chatham", "Asia/Kolkata", "UTC"];

describe("adherence calendar helpers", () => {
  it("labels the ISO week of any date as date-fns does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }), (d) => {
        const key = d.toISOString().slice(0, 10);
        expect(isoWeekLabel(key)).toBe(format(parseISO(key), "RRRR-'W'II"));
      }),
      { numRuns: 2000 },
    );
  });

  it("puts an instant on the same clinic-local day as TZDate, DST changes included", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (d, zone) => {
          expect(localDayOf(d.getTime(), zone)).toBe(format(new TZDate(d.getTime(), zone), "yyyy-MM-dd"));
        },
      ),
      { numRuns: 2000 },
    );
    // Midnight either side of London's spring-forward and autumn-back nights.
    for (const iso of ["2026-03-28T23:59:59Z", "2026-03-29T00:00:00Z", "2026-10-24T22:59:59Z", "2026-10-25T23:00:00Z"])
      expect(localDayOf(Date.parse(iso), "Europe/London")).toBe(
        format(new TZDate(Date.parse(iso), "Europe/London"), "yyyy-MM-dd"),
      );
  });
});
