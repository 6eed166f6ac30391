import { afterAll, beforeAll } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointments, appointmentTypes, rooms } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { setWeeklyHours } from "@/lib/scheduling/availability/set-weekly-hours";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createAppointment } from "./create-appointment";

/** The error a promise fails with, or null when it succeeds. */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );

/**
 * The demo clinic with a 60-minute type (15 minutes' buffer), two rooms, and Tara working weekdays 09:00–17:00
 * London time (Theo has no hours recorded): what the calendar's booking and moving tests share. Registers its own
 * beforeAll/afterAll; the fields are set once beforeAll has run.
 */
export function calendarFixture() {
  const f = {
    t: undefined as unknown as TestDb,
    get db() {
      return f.t.db;
    },
    admin: undefined as unknown as Actor,
    tara: undefined as unknown as Actor,
    theo: undefined as unknown as Actor,
    priya: "",
    tom: "",
    typeId: "",
    roomA: "",
    roomB: "",
    /** Books Priya with Tara in room A, unless `over` says otherwise. */
    book: (startsAt: string, over: Partial<Parameters<typeof createAppointment>[2]> = {}) =>
      createAppointment(f.db, f.admin, {
        clientId: f.priya,
        therapistUserId: f.tara.userId,
        typeId: f.typeId,
        roomId: f.roomA,
        startsAt,
        allowOutsideHours: false,
        ...over,
      }),
    /** The stored appointment row. */
    row: async (id: string) =>
      (
        await f.db
          .select()
          .from(appointments)
          .where(and(eq(appointments.clinicId, f.admin.clinicId), eq(appointments.id, id)))
      )[0]!,
  };
  beforeAll(async () => {
    f.t = await freshDb();
    f.admin = await actorFor(f.db, "admin@demo.test");
    f.tara = await actorFor(f.db, "therapist@demo.test");
    f.theo = await actorFor(f.db, "therapist2@demo.test");
    f.priya = await clientIdByName(f.db, "Priya", "Shah");
    f.tom = await clientIdByName(f.db, "Tom", "Okafor");
    [{ id: f.typeId }] = (await f.db
      .insert(appointmentTypes)
      .values({
        clinicId: f.admin.clinicId,
        name: "Treatment 60",
        durationMin: 60,
        bufferAfterMin: 15,
        colour: "#7c3aed",
      })
      .returning({ id: appointmentTypes.id })) as [{ id: string }];
    [{ id: f.roomA }, { id: f.roomB }] = (await f.db
      .insert(rooms)
      .values([
        { clinicId: f.admin.clinicId, name: "Room A" },
        { clinicId: f.admin.clinicId, name: "Room B" },
      ])
      .returning({ id: rooms.id })) as [{ id: string }, { id: string }];
    await setWeeklyHours(f.db, f.admin, f.tara.userId, {
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
      version: 0,
    });
  });
  afterAll(() => f.t.close());
  return f;
}
