import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { appointments, clinics } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { seedDemoAppointments } from "./demo-appointments";

describe("seedDemoAppointments", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb();
  });
  afterAll(() => t?.close());

  it("books a clash-free working week around the seed date with every status, once", async () => {
    // Wednesday 25 November 2026, 12:00 in London.
    await seedDemoAppointments(t.db, new Date("2026-11-25T12:00:00Z"));
    const [clinic] = await t.db.select().from(clinics).where(eq(clinics.slug, "demo-clinic"));
    const rows = await t.db.select().from(appointments).where(eq(appointments.clinicId, clinic!.id));
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["completed", "no_show", "cancelled", "booked"]));
    expect(
      rows.every(
        (r) => r.startsAt >= new Date("2026-11-23T00:00:00Z") && r.startsAt < new Date("2026-11-28T00:00:00Z"),
      ),
    ).toBe(true);
    expect(rows.find((r) => r.status === "cancelled")).toMatchObject({
      lateCancellation: true,
      cancelReason: "Car broke down",
    });
    expect(clinic!.openingHours.length).toBeGreaterThan(0);
    await seedDemoAppointments(t.db, new Date("2026-11-25T12:00:00Z"));
    expect(await t.db.select().from(appointments).where(eq(appointments.clinicId, clinic!.id))).toHaveLength(15);
  });
});
