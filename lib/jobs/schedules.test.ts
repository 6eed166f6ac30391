import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { z } from "zod";
import { clinics, jobSchedules, jobs } from "@/db/schema";
import { clinicIdBySlug, freshDb, type TestDb } from "@/lib/testing/db";
import { defineJob } from "./define";
import { defineSchedule, enqueueDueSchedules } from "./schedules";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

const tickJob = defineJob({
  name: "test.tick",
  payload: z.object({ at: z.string(), clinicId: z.uuid().nullable() }),
  run: async () => {},
});
const payload = ({ at, clinicId }: { at: Date; clinicId: string | null }) => ({ at: at.toISOString(), clinicId });
const nightly = defineSchedule({ key: "test.nightly", cron: "0 3 * * *", timeZone: "UTC", job: tickJob, payload });
const perClinic = defineSchedule({
  key: "test.clinic-night",
  cron: "0 3 * * *",
  perClinic: true,
  job: tickJob,
  payload,
});

const ticks = (key: string) =>
  t.db
    .select({ clinicId: jobs.clinicId, payload: jobs.payload, dedupeKey: jobs.dedupeKey })
    .from(jobs)
    .where(and(eq(jobs.name, "test.tick"), like(jobs.dedupeKey, `${key}%`)));

describe("schedules", () => {
  it("refuse a malformed cron pattern or time zone when declared", () => {
    expect(() => defineSchedule({ ...nightly, key: "test.bad", cron: "61 * * * *" })).toThrow();
    expect(() => defineSchedule({ ...nightly, key: "test.bad", timeZone: "Mars/Olympus" })).toThrow();
  });

  it("take each tick once, even with several workers at once, and skip missed ticks", async () => {
    const start = new Date("2030-01-01T12:00:00Z");
    expect(await enqueueDueSchedules(t.db, [nightly], start)).toBe(0);
    const [row] = await t.db.select().from(jobSchedules).where(eq(jobSchedules.key, "test.nightly"));
    expect(row!.nextRunAt.toISOString()).toBe("2030-01-02T03:00:00.000Z");

    // Three nights later: one tick (the first missed one), taken by exactly one of six workers.
    const later = new Date("2030-01-04T12:00:00Z");
    const counts = await Promise.all(Array.from({ length: 6 }, () => enqueueDueSchedules(t.db, [nightly], later)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await ticks("test.nightly")).toEqual([
      {
        clinicId: null,
        payload: { at: "2030-01-02T03:00:00.000Z", clinicId: null },
        dedupeKey: "test.nightly@2030-01-02T03:00:00.000Z",
      },
    ]);
    const [after] = await t.db.select().from(jobSchedules).where(eq(jobSchedules.key, "test.nightly"));
    expect(after!.nextRunAt.toISOString()).toBe("2030-01-05T03:00:00.000Z");
    // A tick already taken is never taken again, even after its job finished.
    await t.db.update(jobs).set({ status: "done" }).where(like(jobs.dedupeKey, "test.nightly%"));
    expect(await enqueueDueSchedules(t.db, [nightly], later)).toBe(0);
  });

  it("tick per clinic at 03:00 in each clinic's own time zone", async () => {
    const demo = await clinicIdBySlug(t.db, "demo-clinic");
    const other = await clinicIdBySlug(t.db, "other-clinic");
    await t.db.update(clinics).set({ timezone: "Europe/London" }).where(eq(clinics.id, demo));
    await t.db.update(clinics).set({ timezone: "America/New_York" }).where(eq(clinics.id, other));
    // Summer: 03:00 in London is 02:00Z, in New York 07:00Z.
    await enqueueDueSchedules(t.db, [perClinic], new Date("2030-07-01T12:00:00Z"));
    const next = new Map(
      (await t.db.select().from(jobSchedules).where(like(jobSchedules.key, "test.clinic-night:%"))).map((r) => [
        r.clinicId,
        r.nextRunAt.toISOString(),
      ]),
    );
    expect(next.get(demo)).toBe("2030-07-02T02:00:00.000Z");
    expect(next.get(other)).toBe("2030-07-02T07:00:00.000Z");

    // At 03:00Z London's tick is due, New York's is not yet.
    expect(await enqueueDueSchedules(t.db, [perClinic], new Date("2030-07-02T03:00:00Z"))).toBe(1);
    expect(await enqueueDueSchedules(t.db, [perClinic], new Date("2030-07-02T07:00:00Z"))).toBe(1);
    expect(await enqueueDueSchedules(t.db, [perClinic], new Date("2030-07-02T07:00:00Z"))).toBe(0);
    const got = await ticks("test.clinic-night");
    expect(got.map((g) => [g.clinicId, (g.payload as { at: string }).at]).sort()).toEqual(
      [
        [demo, "2030-07-02T02:00:00.000Z"],
        [other, "2030-07-02T07:00:00.000Z"],
      ].sort(),
    );
  });
});
