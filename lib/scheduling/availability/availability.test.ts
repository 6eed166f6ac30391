import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { createRoom } from "@/lib/scheduling/setup/create-room";
import { appointmentTypeBody } from "@/lib/scheduling/setup/schemas";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { addException } from "./add-exception";
import { deleteException } from "./delete-exception";
import { findFreeSlots } from "./find-free-slots";
import { getAvailability } from "./get-availability";
import { setWeeklyHours } from "./set-weekly-hours";
import { slotsQuery } from "./schemas";

let t: TestDb;
let admin: Actor;
let tara: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
});
afterAll(() => t.close());

/**
 * A Monday in December next year (London is on GMT then: 09:00 local = 09:00Z), as YYYY-MM-DD, plus `weeks`.
 * The finder offers no slot in the past, so a fixed date here passed until its day came (found on 7 December 2026).
 */
function decemberMonday(weeks = 0): string {
  const year = new Date().getUTCFullYear() + 1;
  const first = [1, 2, 3, 4, 5, 6, 7].find((d) => new Date(Date.UTC(year, 11, d)).getUTCDay() === 1)!;
  return new Date(Date.UTC(year, 11, first + 7 * weeks)).toISOString().slice(0, 10);
}

describe("availability and the slot finder", () => {
  it("keeps weekly hours with a version; a therapist edits only their own", async () => {
    const saved = await setWeeklyHours(t.db, admin, tara.userId, {
      blocks: [{ weekday: 1, start: "09:00", end: "12:00" }],
      version: 0,
    });
    expect(saved).toMatchObject({ version: 1, blocks: [{ weekday: 1, start: "09:00", end: "12:00" }] });
    await expect(setWeeklyHours(t.db, admin, tara.userId, { blocks: [], version: 0 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const theo = await actorFor(t.db, "therapist2@demo.test");
    await expect(setWeeklyHours(t.db, theo, tara.userId, { blocks: [], version: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    await expect(getAvailability(t.db, other, tara.userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers free slots around bookings and their buffers, and not on days off", async () => {
    const room = await createRoom(t.db, admin, { name: "Slot room" });
    const type = await createAppointmentType(
      t.db,
      admin,
      appointmentTypeBody.parse({ name: "Treatment", durationMin: 60, bufferAfterMin: 15 }),
    );
    const monday = decemberMonday();
    await bookAppointment(t.db, admin, {
      clientId: await clientIdByName(t.db, "Priya", "Shah"),
      therapistUserId: tara.userId,
      typeId: type.id,
      roomId: room.id,
      startsAt: `${monday}T09:00:00Z`,
    });
    const slots = await findFreeSlots(
      t.db,
      admin,
      type.id,
      slotsQuery.parse({ therapistId: tara.userId, from: `${monday}T00:00:00Z`, days: 1 }),
    );
    expect(slots.map((s) => s.start)).toEqual([
      `${monday}T10:15:00.000Z`,
      `${monday}T10:30:00.000Z`,
      `${monday}T10:45:00.000Z`,
      `${monday}T11:00:00.000Z`,
    ]);
    expect(slots[0]).toMatchObject({ therapistName: "Tara Therapist", roomName: "Slot room" });
    await addException(t.db, admin, tara.userId, { kind: "time_off", startDate: decemberMonday(1) });
    const nextMonday = await findFreeSlots(
      t.db,
      admin,
      type.id,
      slotsQuery.parse({ therapistId: tara.userId, from: `${decemberMonday(1)}T00:00:00Z`, days: 1 }),
    );
    expect(nextMonday).toEqual([]);
  });

  it("removes time off with an audit event; an unknown one is 404 and writes nothing", async () => {
    const added = await addException(t.db, admin, tara.userId, { kind: "time_off", startDate: "2027-02-01" });
    const id = added.exceptions.find((e) => e.exception.startDate === "2027-02-01")!.id;
    await deleteException(t.db, admin, tara.userId, id);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, admin.clinicId), eq(auditEvents.action, "availability.exception_removed")));
    expect(events).toHaveLength(1);
    expect(await deleteException(t.db, admin, tara.userId, id).catch((e: { code: string }) => e.code)).toBe(
      "NOT_FOUND",
    );
    expect(await t.db.$count(auditEvents, eq(auditEvents.action, "availability.exception_removed"))).toBe(1);
  });
});
