import { afterAll, beforeAll } from "vitest";
import { eq, sql } from "drizzle-orm";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { setWeeklyHours } from "@/lib/scheduling/availability/set-weekly-hours";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { createRoom } from "@/lib/scheduling/setup/create-room";
import { actorFor, clientIdByName, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { bookAppointment } from "./book-appointment";
import { seriesPreviewBody } from "./series-schemas";

/**
 * The demo clinic with a 60-minute type (15 minutes' buffer) that needs a room, two rooms, and both Tara and Theo
 * working weekdays 09:00–17:00 London time: what the recurring-series tests share. Registers its own
 * beforeAll/afterAll; the fields are set once beforeAll has run.
 */
export function seriesFixture() {
  const f = {
    t: undefined as unknown as TestDb,
    get db() {
      return f.t.db;
    },
    admin: undefined as unknown as Actor,
    tara: "",
    theo: "",
    typeId: "",
    roomA: "",
    roomB: "",
  };
  const helpers = {
    client: (first: string, last: string) => clientIdByName(f.db, first, last),
    /** A weekly series with Tara in room A from `start` (London wall time), unless `over` says otherwise. */
    seriesInput: (clientId: string, start: string, count: number, over: Record<string, unknown> = {}) =>
      seriesPreviewBody.parse({
        clientId,
        typeId: f.typeId,
        therapistUserId: f.tara,
        roomId: f.roomA,
        rule: { start, intervalWeeks: 1, count },
        ...over,
      }),
    /** Books a single appointment, with Tara in room B unless told otherwise. */
    book: async (clientId: string, startsAt: string, therapistUserId = f.tara, roomId: string | null = f.roomB) =>
      bookAppointment(f.db, f.admin, { clientId, therapistUserId, typeId: f.typeId, roomId, startsAt }),
    /** How many appointments the client has, in any status. */
    countFor: async (clientId: string) =>
      (
        (await f.db
          .select({ n: sql<number>`count(*)::int` })
          .from(appointments)
          .where(eq(appointments.clientId, clientId))) as [{ n: number }]
      )[0].n,
  };
  beforeAll(async () => {
    f.t = await freshDb();
    f.admin = await actorFor(f.db, "admin@demo.test");
    f.tara = await userIdByEmail(f.db, "therapist@demo.test");
    f.theo = await userIdByEmail(f.db, "therapist2@demo.test");
    f.typeId = (
      await createAppointmentType(f.db, f.admin, {
        name: "Treatment 60",
        durationMin: 60,
        bufferAfterMin: 15,
        colour: "#0f6b73",
        bookableOnline: false,
        needsRoom: true,
      })
    ).id;
    f.roomA = (await createRoom(f.db, f.admin, { name: "Room A" })).id;
    f.roomB = (await createRoom(f.db, f.admin, { name: "Room B" })).id;
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
    await setWeeklyHours(f.db, f.admin, f.tara, { blocks: week, version: 0 });
    await setWeeklyHours(f.db, f.admin, f.theo, { blocks: week, version: 0 });
  });
  afterAll(() => f.t.close());
  return Object.assign(f, helpers);
}
