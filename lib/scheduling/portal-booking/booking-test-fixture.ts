import { afterAll, beforeAll, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { appointmentTypes, clients, clinics, rooms, therapistHours } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { bookOnline } from "./book-online";

/** Monday 1 March 2027, 08:00 in London (GMT): the tests' "now". */
export const NOW = new Date("2027-03-01T08:00:00Z");

/** The error a promise fails with, or null when it succeeds. */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );

/**
 * The demo clinic set up for booking from the portal: Casey (a client), Olivia (another clinic's client), a
 * 45-minute "Follow-up" bookable online and an "Initial assessment" that is not, one room, Tara working Monday to
 * Friday 09:00–13:00 and Theo Tuesdays 14:00–16:00. Before each test online booking is on, the notice period 24
 * hours and Casey unflagged. Registers its own hooks; the fields are set once beforeAll has run.
 */
export function bookingFixture() {
  let keys = 0;
  const f = {
    t: undefined as unknown as TestDb,
    get db() {
      return f.t.db;
    },
    admin: undefined as unknown as Actor,
    casey: undefined as unknown as Actor,
    olivia: undefined as unknown as Actor,
    taraId: "",
    theoId: "",
    onlineType: "",
    phoneType: "",
    priyaId: "",
    roomId: "",
    /** A fresh idempotency key. */
    key: () => `test-key-${++keys}-${Math.random().toString(36).slice(2)}`,
    /** Casey books the online type with Tara at `startsAt`, unless `over` says otherwise. */
    book: (startsAt: string, over: Partial<Parameters<typeof bookOnline>[2]> = {}) =>
      bookOnline(
        f.db,
        f.casey,
        { typeId: f.onlineType, therapistId: f.taraId, startsAt, idempotencyKey: f.key(), ...over },
        NOW,
      ),
  };
  beforeAll(async () => {
    f.t = await freshDb();
    f.admin = await actorFor(f.db, "admin@demo.test");
    f.casey = await actorFor(f.db, "client@demo.test");
    f.olivia = await actorFor(f.db, "client@other.test", "other-clinic");
    f.taraId = (await actorFor(f.db, "therapist@demo.test")).userId;
    f.theoId = (await actorFor(f.db, "therapist2@demo.test")).userId;
    f.priyaId = await clientIdByName(f.db, "Priya", "Shah");
    const [online, phone] = await f.db
      .insert(appointmentTypes)
      .values([
        {
          clinicId: f.admin.clinicId,
          name: "Follow-up",
          durationMin: 45,
          bufferAfterMin: 15,
          bookableOnline: true,
          needsRoom: true,
        },
        {
          clinicId: f.admin.clinicId,
          name: "Initial assessment",
          durationMin: 60,
          bookableOnline: false,
          needsRoom: true,
        },
      ])
      .returning({ id: appointmentTypes.id });
    f.onlineType = online!.id;
    f.phoneType = phone!.id;
    [{ id: f.roomId }] = (await f.db
      .insert(rooms)
      .values({ clinicId: f.admin.clinicId, name: "Room 1" })
      .returning({ id: rooms.id })) as [{ id: string }];
    await f.db.insert(therapistHours).values([
      {
        clinicId: f.admin.clinicId,
        therapistUserId: f.taraId,
        blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "13:00" })),
      },
      { clinicId: f.admin.clinicId, therapistUserId: f.theoId, blocks: [{ weekday: 2, start: "14:00", end: "16:00" }] },
    ]);
  });
  afterAll(() => f.t.close());
  beforeEach(async () => {
    await f.db
      .update(clinics)
      .set({ onlineBooking: true, cancellationNoticeHours: 24 })
      .where(eq(clinics.id, f.admin.clinicId));
    await f.db.update(clients).set({ doNotBookOnlineReason: null }).where(eq(clients.id, f.casey.clientId!));
  });
  return f;
}
