import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, gt, inArray } from "drizzle-orm";
import {
  appointments,
  appointmentTypes,
  appointmentTypeTherapists,
  auditEvents,
  clients,
  clinics,
  rooms,
  therapistHours,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import type { AppError } from "@/lib/http/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { CALL_TO_BOOK, MAX_UPCOMING, MESSAGES, bookOnline, getBookingOptions, listPortalSlots } from "./online-booking";
import { CLIENT_CANCEL_REASON, cancelMyAppointment, listMyAppointments, myAppointmentIcs } from "./my-appointments";

let t: TestDb;
let admin: Actor;
let casey: Actor;
let olivia: Actor;
let taraId: string;
let theoId: string;
let onlineType: string;
let phoneType: string;
let priyaId: string;
let roomId: string;

// Monday 1 March 2027, 08:00 in London (GMT): the tests' "now".
const NOW = new Date("2027-03-01T08:00:00Z");
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );
let keys = 0;
const key = () => `test-key-${++keys}-${Math.random().toString(36).slice(2)}`;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  casey = await actorFor(t.db, "client@demo.test");
  olivia = await actorFor(t.db, "client@other.test", "other-clinic");
  taraId = (await actorFor(t.db, "therapist@demo.test")).userId;
  theoId = (await actorFor(t.db, "therapist2@demo.test")).userId;
  priyaId = await clientIdByName(t.db, "Priya", "Shah");
  const [online, phone] = await t.db
    .insert(appointmentTypes)
    .values([
      {
        clinicId: admin.clinicId,
        name: "Follow-up",
        durationMin: 45,
        bufferAfterMin: 15,
        bookableOnline: true,
        needsRoom: true,
      },
      { clinicId: admin.clinicId, name: "Initial assessment", durationMin: 60, bookableOnline: false, needsRoom: true },
    ])
    .returning({ id: appointmentTypes.id });
  onlineType = online!.id;
  phoneType = phone!.id;
  [{ id: roomId }] = (await t.db
    .insert(rooms)
    .values({ clinicId: admin.clinicId, name: "Room 1" })
    .returning({ id: rooms.id })) as [{ id: string }];
  // Tara works Monday to Friday 09:00–13:00; Theo Tuesdays 14:00–16:00.
  await t.db.insert(therapistHours).values([
    {
      clinicId: admin.clinicId,
      therapistUserId: taraId,
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "13:00" })),
    },
    { clinicId: admin.clinicId, therapistUserId: theoId, blocks: [{ weekday: 2, start: "14:00", end: "16:00" }] },
  ]);
});
afterAll(() => t.close());

beforeEach(async () => {
  await t.db
    .update(clinics)
    .set({ onlineBooking: true, cancellationNoticeHours: 24 })
    .where(eq(clinics.id, admin.clinicId));
  await t.db.update(clients).set({ doNotBookOnlineReason: null }).where(eq(clients.id, casey.clientId!));
});

const book = (startsAt: string, over: Partial<Parameters<typeof bookOnline>[2]> = {}) =>
  bookOnline(t.db, casey, { typeId: onlineType, therapistId: taraId, startsAt, idempotencyKey: key(), ...over }, NOW);

describe("what a client may book", () => {
  it("lists online types with their therapists, and free slots by clinic-local day", async () => {
    const options = await getBookingOptions(t.db, casey);
    expect(options).toMatchObject({
      canBook: true,
      message: null,
      timeZone: "Europe/London",
      cancellationNoticeHours: 24,
    });
    expect(options.types.map((x) => x.name)).toEqual(["Follow-up"]);
    expect(options.types[0]!.therapists.map((x) => x.name)).toEqual(["Tara Therapist", "Theo Therapist"]);

    const slots = await listPortalSlots(t.db, casey, onlineType, { days: 2 }, NOW);
    expect(slots.days.map((d) => d.date)).toEqual(["2027-03-01", "2027-03-02"]);
    // Two hours' lead from 08:00, on the half hour; the 45-minute type must end by 13:00.
    expect(slots.days[0]!.slots.map((s) => s.start)).toEqual([
      "2027-03-01T10:00:00.000Z",
      "2027-03-01T10:30:00.000Z",
      "2027-03-01T11:00:00.000Z",
      "2027-03-01T11:30:00.000Z",
      "2027-03-01T12:00:00.000Z",
    ]);
    expect(Object.keys(slots.days[0]!.slots[0]!).sort()).toEqual(["end", "start", "therapistId", "therapistName"]);
    const tuesday = slots.days[1]!.slots;
    expect(tuesday.filter((s) => s.therapistName === "Theo Therapist").map((s) => s.start)).toEqual([
      "2027-03-02T14:00:00.000Z",
      "2027-03-02T14:30:00.000Z",
      "2027-03-02T15:00:00.000Z",
    ]);
    const theoOnly = await listPortalSlots(t.db, casey, onlineType, { days: 2, therapistId: theoId }, NOW);
    expect(theoOnly.days.flatMap((d) => d.slots).every((s) => s.therapistId === theoId)).toBe(true);
  });

  it("offers only the therapists listed for a type", async () => {
    await t.db
      .insert(appointmentTypeTherapists)
      .values({ clinicId: admin.clinicId, typeId: onlineType, therapistUserId: theoId });
    try {
      const options = await getBookingOptions(t.db, casey);
      expect(options.types[0]!.therapists.map((x) => x.name)).toEqual(["Theo Therapist"]);
      const slots = await listPortalSlots(t.db, casey, onlineType, { days: 2 }, NOW);
      expect(slots.days.flatMap((d) => d.slots).map((s) => s.therapistName)).toEqual([
        "Theo Therapist",
        "Theo Therapist",
        "Theo Therapist",
      ]);
      expect((await failure(book("2027-03-03T10:00:00Z")))?.code).toBe("CONFLICT");
    } finally {
      await t.db.delete(appointmentTypeTherapists).where(eq(appointmentTypeTherapists.typeId, onlineType));
    }
  });

  it("refuses with the same neutral words when the clinic has online booking off", async () => {
    await t.db.update(clinics).set({ onlineBooking: false }).where(eq(clinics.id, admin.clinicId));
    const options = await getBookingOptions(t.db, casey);
    expect(options).toMatchObject({ canBook: false, types: [] });
    expect(options.message).toContain(CALL_TO_BOOK);
    const err = await failure(book("2027-03-03T10:00:00Z"));
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err?.message).toContain(CALL_TO_BOOK);
    expect((await failure(listPortalSlots(t.db, casey, onlineType, { days: 2 }, NOW)))?.code).toBe("CONFLICT");
  });

  it("refuses a type that is not bookable online", async () => {
    const err = await failure(book("2027-03-03T10:00:00Z", { typeId: phoneType }));
    expect(err?.code).toBe("CONFLICT");
    expect(err?.message).toBe(`This kind of appointment can't be booked online. ${CALL_TO_BOOK}`);
  });

  it("refuses a flagged client without revealing why", async () => {
    await t.db
      .update(clients)
      .set({ doNotBookOnlineReason: "Repeated no-shows (3 since January)" })
      .where(eq(clients.id, casey.clientId!));
    const options = await getBookingOptions(t.db, casey);
    expect(options.canBook).toBe(false);
    const err = await failure(book("2027-03-03T10:00:00Z"));
    expect(err?.code).toBe("CONFLICT");
    for (const text of [options.message!, err!.message]) {
      expect(text).toContain(CALL_TO_BOOK);
      expect(text.toLowerCase()).not.toMatch(/no-show|flag|reason/);
    }
  });
});

describe("booking online", () => {
  it("books an offered slot once, even when retried, and records it as booked online", async () => {
    const k = key();
    const first = await book("2027-03-03T10:00:00Z", { idempotencyKey: k });
    expect(first).toMatchObject({
      replayed: false,
      appointment: {
        startsAt: "2027-03-03T10:00:00.000Z",
        endsAt: "2027-03-03T10:45:00.000Z",
        status: "booked",
        therapistName: "Tara Therapist",
        typeName: "Follow-up",
        roomName: "Room 1",
        cancellable: true,
      },
    });
    const again = await book("2027-03-03T10:00:00Z", { idempotencyKey: k });
    expect(again).toMatchObject({ replayed: true, appointment: { id: first.appointment.id } });
    const rows = await t.db
      .select()
      .from(appointments)
      .where(
        and(eq(appointments.clientId, casey.clientId!), eq(appointments.startsAt, new Date("2027-03-03T10:00:00Z"))),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ bookedVia: "portal", createdBy: casey.userId, therapistUserId: taraId });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, first.appointment.id), eq(auditEvents.action, "appointment.booked")));
    expect(events).toHaveLength(1);
  });

  it("gives 20 simultaneous retries of one request (one key) the same booking, never a 409", async () => {
    const k = key();
    const results = await Promise.allSettled(
      // 20 on PostgreSQL, where they really run at once; PGlite has one connection and runs them in turn.
      Array.from({ length: t.kind === "postgres" ? 20 : 6 }, () => book("2027-03-17T11:00:00Z", { idempotencyKey: k })),
    );
    const rows = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.idempotencyKey, `portal:${casey.clientId}:${k}`));
    try {
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected.map((r) => (r.reason as Error).message)).toEqual([]);
      const ids = results.map(
        (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof book>>>).value.appointment.id,
      );
      expect(new Set(ids).size).toBe(1);
      expect(rows.map((r) => r.id)).toEqual([ids[0]]);
    } finally {
      if (rows.length > 0)
        await t.db.delete(appointments).where(
          inArray(
            appointments.id,
            rows.map((r) => r.id),
          ),
        );
    }
  });

  it("refuses a time that is not offered: taken, outside hours, too soon", async () => {
    await bookAppointment(t.db, admin, {
      clientId: priyaId,
      therapistUserId: taraId,
      typeId: onlineType,
      roomId,
      startsAt: "2027-03-04T10:00:00Z",
    });
    for (const startsAt of [
      "2027-03-04T10:30:00Z",
      "2027-03-04T15:00:00Z",
      "2027-03-01T09:00:00Z",
      "2027-03-04T10:10:00Z",
    ]) {
      const err = await failure(book(startsAt));
      expect(err, startsAt).toMatchObject({
        code: "CONFLICT",
        message: "Sorry, that time is no longer free. Please choose another time.",
      });
    }
  });

  it("keeps another clinic's client out: types, slots and bookings are not found", async () => {
    expect((await failure(listPortalSlots(t.db, olivia, onlineType, { days: 2 }, NOW)))?.code).toBe("NOT_FOUND");
    expect(
      (
        await failure(
          bookOnline(
            t.db,
            olivia,
            { typeId: onlineType, startsAt: "2027-03-05T10:00:00Z", idempotencyKey: key() },
            NOW,
          ),
        )
      )?.code,
    ).toBe("NOT_FOUND");
    expect((await failure(getBookingOptions(t.db, admin)))?.code).toBe("FORBIDDEN");
  });
});

describe("booking online: keys, overlaps and the limit", () => {
  it("refuses a reused key for a different request instead of replaying the first booking", async () => {
    const k = key();
    const first = await book("2027-03-08T10:00:00Z", { idempotencyKey: k });
    for (const over of [{ startsAt: "2027-03-08T11:00:00Z" }, { therapistId: theoId }, { typeId: phoneType }]) {
      const err = await failure(book(over.startsAt ?? "2027-03-08T10:00:00Z", { idempotencyKey: k, ...over }));
      expect(err, JSON.stringify(over)).toMatchObject({ code: "CONFLICT", message: MESSAGES.keyReused });
    }
    // "Whichever therapist" matches the booking that was made.
    expect(await book("2027-03-08T10:00:00Z", { idempotencyKey: k, therapistId: null })).toMatchObject({
      replayed: true,
      appointment: { id: first.appointment.id },
    });
    const made = await t.db
      .select()
      .from(appointments)
      .where(eq(appointments.idempotencyKey, `portal:${casey.clientId}:${k}`));
    expect(made).toHaveLength(1);
  });

  it("refuses a time that overlaps the client's own appointment with another therapist", async () => {
    const [theirs] = await t.db
      .insert(appointments)
      .values({
        clinicId: admin.clinicId,
        clientId: casey.clientId!,
        therapistUserId: theoId,
        roomId: null,
        typeId: onlineType,
        startsAt: new Date("2027-03-16T10:00:00Z"),
        endsAt: new Date("2027-03-16T10:45:00Z"),
        blocksUntil: new Date("2027-03-16T11:00:00Z"),
        createdBy: admin.userId,
      })
      .returning({ id: appointments.id });
    try {
      const err = await failure(book("2027-03-16T10:30:00Z"));
      expect(err).toMatchObject({ code: "CONFLICT", message: MESSAGES.overlapsOwn });
      // Right after it ends is fine.
      const after = await book("2027-03-16T11:00:00Z");
      await t.db.delete(appointments).where(eq(appointments.id, after.appointment.id));
    } finally {
      await t.db.delete(appointments).where(eq(appointments.id, theirs!.id));
    }
  });

  it("never exceeds the upcoming limit, even with bookings sent at once", async () => {
    const held = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.clientId, casey.clientId!),
          inArray(appointments.status, ["booked", "arrived"]),
          gt(appointments.endsAt, NOW),
        ),
      );
    const room = MAX_UPCOMING - held.length;
    expect(room).toBeGreaterThan(0);
    const starts = ["22", "23", "24"]
      .flatMap((d) => ["10", "11", "12"].map((h) => `2027-03-${d}T${h}:00:00Z`))
      .slice(0, room + 3);
    const results = await Promise.allSettled(starts.map((s) => book(s)));
    const ok = results.filter((r) => r.status === "fulfilled");
    try {
      expect(ok).toHaveLength(room);
      for (const r of results)
        if (r.status === "rejected") expect((r.reason as AppError).message).toMatch(/upcoming appointments/);
    } finally {
      const ids = ok.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof book>>>).value.appointment.id);
      if (ids.length > 0) await t.db.delete(appointments).where(inArray(appointments.id, ids));
    }
  });
});

describe("my appointments and cancelling", () => {
  it("lists only the client's own appointments, without staff-only fields", async () => {
    const mine = await listMyAppointments(t.db, casey, NOW);
    expect(mine.upcoming.length).toBeGreaterThan(0);
    const ids = [...mine.upcoming, ...mine.past].map((a) => a.id);
    const own = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.clientId, casey.clientId!));
    expect(new Set(ids)).toEqual(new Set(own.map((a) => a.id)));
    expect(Object.keys(mine.upcoming[0]!).sort()).toEqual([
      "cancelDeadline",
      "cancellable",
      "endsAt",
      "id",
      "roomName",
      "startsAt",
      "status",
      "therapistName",
      "typeName",
    ]);
    expect((await listMyAppointments(t.db, olivia, NOW)).upcoming).toEqual([]);
  });

  it("cancels in time, recording who and why", async () => {
    const { appointment } = await book("2027-03-05T11:00:00Z");
    // 24 hours before 11:00 on Friday is 11:00 on Thursday: still on time at that instant.
    const cancelled = await cancelMyAppointment(t.db, casey, appointment.id, new Date("2027-03-04T11:00:00Z"));
    expect(cancelled).toMatchObject({ status: "cancelled", cancellable: false });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row).toMatchObject({
      status: "cancelled",
      cancelReason: CLIENT_CANCEL_REASON,
      cancelledBy: casey.userId,
      lateCancellation: false,
    });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, appointment.id), eq(auditEvents.action, "appointment.cancelled")));
    expect(events).toHaveLength(1);
    expect((await failure(cancelMyAppointment(t.db, casey, appointment.id, NOW)))?.message).toBe(
      "This appointment is already cancelled.",
    );
  });

  it("refuses a late cancellation with the message naming the notice period", async () => {
    const { appointment } = await book("2027-03-05T12:00:00Z");
    const err = await failure(cancelMyAppointment(t.db, casey, appointment.id, new Date("2027-03-04T12:00:00.001Z")));
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err?.message).toBe(
      "Appointments can be cancelled online up to 24 hours before they start. Please contact the clinic to cancel this one.",
    );
    await t.db.update(clinics).set({ cancellationNoticeHours: 48 }).where(eq(clinics.id, admin.clinicId));
    expect(
      (await failure(cancelMyAppointment(t.db, casey, appointment.id, new Date("2027-03-03T13:00:00Z"))))?.message,
    ).toContain("up to 2 days before");
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.status).toBe("booked");
  });

  it("never lets a client cancel or download someone else's appointment", async () => {
    const { appointment } = await bookAppointment(t.db, admin, {
      clientId: priyaId,
      therapistUserId: theoId,
      typeId: onlineType,
      roomId,
      startsAt: "2027-03-09T14:00:00Z",
    });
    for (const actor of [casey, olivia]) {
      expect((await failure(cancelMyAppointment(t.db, actor, appointment.id, NOW)))?.code).toBe("NOT_FOUND");
      expect((await failure(myAppointmentIcs(t.db, actor, appointment.id)))?.code).toBe("NOT_FOUND");
    }
    expect((await failure(cancelMyAppointment(t.db, admin, appointment.id, NOW)))?.code).toBe("FORBIDDEN");
  });

  it("downloads the client's own appointment as .ics in the clinic's zone", async () => {
    const { appointment } = await book("2027-04-06T09:00:00Z", { therapistId: null });
    const { filename, body } = await myAppointmentIcs(t.db, casey, appointment.id);
    expect(filename).toBe("appointment-2027-04-06.ics");
    // 09:00Z in April is 10:00 British Summer Time.
    expect(body).toContain("DTSTART;TZID=Europe/London:20270406T100000\r\n");
    expect(body).toContain(`UID:${appointment.id}@knotwork`);
    expect(body).toContain("SUMMARY:Follow-up at Demo Clinic");
  });
});
