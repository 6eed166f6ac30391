import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { clinics } from "@/db/schema";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { sqlState } from "@/lib/errors";
import { formatFor } from "@/lib/format/clinic-format";
import { clinicTimeZones } from "@/lib/format/clinic-locales";
import { getClinicSettings } from "./get-clinic-settings";
import { updateClinicSettings } from "./update-clinic-settings";
import { clinicSettingsBody } from "./schemas";

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
});
afterAll(() => t.close());

const at = new Date("2026-12-09T01:35:10Z");

describe("the clinic's locale and time zone", () => {
  it("starts en-GB, and a saved locale and zone reach every actor of that clinic only", async () => {
    const s = await getClinicSettings(t.db, admin);
    expect(s.locale).toBe("en-GB");
    expect(formatFor(admin).at(at, "dateTime")).toBe("9 Dec 2026, 01:35");

    const body = clinicSettingsBody.parse({ ...s, locale: "en-US", timezone: "America/New_York" });
    const saved = await updateClinicSettings(t.db, admin, body);
    expect(saved).toMatchObject({ locale: "en-US", timezone: "America/New_York", version: s.version + 1 });

    const therapist = await actorFor(t.db, "therapist@demo.test");
    expect(therapist).toMatchObject({ clinicLocale: "en-US", clinicTimezone: "America/New_York" });
    // Month first, 12-hour clock, on New York's clocks (8 Dec, 8:35 PM EST).
    expect(formatFor(therapist).at(at, "dateTime")).toBe("Dec 8, 2026, 8:35 PM");
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    expect(other.clinicLocale).toBe("en-GB");
  });

  it("accepts only the listed locales and the runtime's IANA zones, with field errors", async () => {
    const s = await getClinicSettings(t.db, admin);
    const parse = (over: Record<string, unknown>) => clinicSettingsBody.safeParse({ ...s, ...over });
    for (const locale of ["en-GB", "en-US", "en-AU", "en-CA", "en-NZ", "en-IE"])
      expect(parse({ locale }).success, locale).toBe(true);
    for (const locale of ["fr-FR", "en-gb", "", "en-GB\u0000"]) {
      const r = parse({ locale });
      expect(r.success, locale).toBe(false);
      expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["locale"]);
    }
    for (const timezone of ["Mars/Olympus", "+05:00", "Europe/London ", "europe/london_x", "", "x".repeat(500)]) {
      const r = parse({ timezone });
      expect(r.success, timezone).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["timezone"]);
    }
    const zones = clinicTimeZones();
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContain("UTC");
    for (const timezone of zones) expect(parse({ timezone }).success, timezone).toBe(true);
  });

  it("is guarded by the database too: a locale outside the list is refused", async () => {
    const err = await t.db
      .update(clinics)
      .set({ locale: sql`'fr-FR'` as unknown as "en-GB" })
      .where(eq(clinics.id, admin.clinicId))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sqlState(err)).toBe("23514");
  });
});
