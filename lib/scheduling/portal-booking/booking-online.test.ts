import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { appointments, appointmentTypeTherapists, auditEvents, clients, clinics } from "@/db/schema";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { CALL_TO_BOOK } from "./booking-checks";
import { bookOnline } from "./book-online";
import { getBookingOptions } from "./get-booking-options";
import { listPortalSlots } from "./list-portal-slots";
import { bookingFixture, failure, NOW } from "./booking-test-fixture";

const f = bookingFixture();

describe("what a client may book", () => {
  it("lists online types with their therapists, and free slots by clinic-local day", async () => {
    const options = await getBookingOptions(f.db, f.casey);
    expect(options).toMatchObject({
      canBook: true,
      message: null,
      timeZone: "Europe/London",
      cancellationNoticeHours: 24,
    });
    expect(options.types.map((x) => x.name)).toEqual(["Follow-up"]);
    expect(options.types[0]!.therapists.map((x) => x.name)).toEqual(["Tara Therapist", "Theo Therapist"]);

    const slots = await listPortalSlots(f.db, f.casey, f.onlineType, { days: 2 }, NOW);
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
    const theoOnly = await listPortalSlots(f.db, f.casey, f.onlineType, { days: 2, therapistId: f.theoId }, NOW);
    expect(theoOnly.days.flatMap((d) => d.slots).every((s) => s.therapistId === f.theoId)).toBe(true);
  });

  it("offers only the therapists listed for a type", async () => {
    await f.db
      .insert(appointmentTypeTherapists)
      .values({ clinicId: f.admin.clinicId, typeId: f.onlineType, therapistUserId: f.theoId });
    try {
      const options = await getBookingOptions(f.db, f.casey);
      expect(options.types[0]!.therapists.map((x) => x.name)).toEqual(["Theo Therapist"]);
      const slots = await listPortalSlots(f.db, f.casey, f.onlineType, { days: 2 }, NOW);
      expect(slots.days.flatMap((d) => d.slots).map((s) => s.therapistName)).toEqual([
        "Theo Therapist",
        "Theo Therapist",
        "Theo Therapist",
      ]);
      expect((await failure(f.book("2027-03-03T10:00:00Z")))?.code).toBe("CONFLICT");
    } finally {
      await f.db.delete(appointmentTypeTherapists).where(eq(appointmentTypeTherapists.typeId, f.onlineType));
    }
  });

  it("refuses with the same neutral words when the clinic has online booking off", async () => {
    await f.db.update(clinics).set({ onlineBooking: false }).where(eq(clinics.id, f.admin.clinicId));
    const options = await getBookingOptions(f.db, f.casey);
    expect(options).toMatchObject({ canBook: false, types: [] });
    expect(options.message).toContain(CALL_TO_BOOK);
    const err = await failure(f.book("2027-03-03T10:00:00Z"));
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err?.message).toContain(CALL_TO_BOOK);
    expect((await failure(listPortalSlots(f.db, f.casey, f.onlineType, { days: 2 }, NOW)))?.code).toBe("CONFLICT");
  });

  it("refuses a type that is not bookable online", async () => {
    const err = await failure(f.book("2027-03-03T10:00:00Z", { typeId: f.phoneType }));
    expect(err?.code).toBe("CONFLICT");
    expect(err?.message).toBe(`This kind of appointment can't be booked online. ${CALL_TO_BOOK}`);
  });

  it("refuses a flagged client without revealing why", async () => {
    await f.db
      .update(clients)
      .set({ doNotBookOnlineReason: "Repeated no-shows (3 since January)" })
      .where(eq(clients.id, f.casey.clientId!));
    const options = await getBookingOptions(f.db, f.casey);
    expect(options.canBook).toBe(false);
    const err = await failure(f.book("2027-03-03T10:00:00Z"));
    expect(err?.code).toBe("CONFLICT");
    for (const text of [options.message!, err!.message]) {
      expect(text).toContain(CALL_TO_BOOK);
      expect(text.toLowerCase()).not.toMatch(/no-show|flag|reason/);
    }
  });
});

describe("booking online", () => {
  it("books an offered slot once, even when retried, and records it as booked online", async () => {
    const k = f.key();
    const first = await f.book("2027-03-03T10:00:00Z", { idempotencyKey: k });
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
    const again = await f.book("2027-03-03T10:00:00Z", { idempotencyKey: k });
    expect(again).toMatchObject({ replayed: true, appointment: { id: first.appointment.id } });
    const rows = await f.db
      .select()
      .from(appointments)
      .where(
        and(eq(appointments.clientId, f.casey.clientId!), eq(appointments.startsAt, new Date("2027-03-03T10:00:00Z"))),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ bookedVia: "portal", createdBy: f.casey.userId, therapistUserId: f.taraId });
    const events = await f.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, first.appointment.id), eq(auditEvents.action, "appointment.booked")));
    expect(events).toHaveLength(1);
  });

  it("gives 20 simultaneous retries of one request (one key) the same booking, never a 409", async () => {
    const k = f.key();
    const results = await Promise.allSettled(
      // 20 on PostgreSQL, where they really run at once; PGlite has one connection and runs them in turn.
      Array.from({ length: f.t.kind === "postgres" ? 20 : 6 }, () =>
        f.book("2027-03-17T11:00:00Z", { idempotencyKey: k }),
      ),
    );
    const rows = await f.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.idempotencyKey, `portal:${f.casey.clientId}:${k}`));
    try {
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected.map((r) => (r.reason as Error).message)).toEqual([]);
      const ids = results.map(
        (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof f.book>>>).value.appointment.id,
      );
      expect(new Set(ids).size).toBe(1);
      expect(rows.map((r) => r.id)).toEqual([ids[0]]);
    } finally {
      if (rows.length > 0)
        await f.db.delete(appointments).where(
          inArray(
            appointments.id,
            rows.map((r) => r.id),
          ),
        );
    }
  });

  it("refuses a time that is not offered: taken, outside hours, too soon", async () => {
    await bookAppointment(f.db, f.admin, {
      clientId: f.priyaId,
      therapistUserId: f.taraId,
      typeId: f.onlineType,
      roomId: f.roomId,
      startsAt: "2027-03-04T10:00:00Z",
    });
    for (const startsAt of [
      "2027-03-04T10:30:00Z",
      "2027-03-04T15:00:00Z",
      "2027-03-01T09:00:00Z",
      "2027-03-04T10:10:00Z",
    ]) {
      const err = await failure(f.book(startsAt));
      expect(err, startsAt).toMatchObject({
        code: "CONFLICT",
        message: "Sorry, that time is no longer free. Please choose another time.",
      });
    }
  });

  it("keeps another clinic's client out: types, slots and bookings are not found", async () => {
    expect((await failure(listPortalSlots(f.db, f.olivia, f.onlineType, { days: 2 }, NOW)))?.code).toBe("NOT_FOUND");
    expect(
      (
        await failure(
          bookOnline(
            f.db,
            f.olivia,
            { typeId: f.onlineType, startsAt: "2027-03-05T10:00:00Z", idempotencyKey: f.key() },
            NOW,
          ),
        )
      )?.code,
    ).toBe("NOT_FOUND");
    expect((await failure(getBookingOptions(f.db, f.admin)))?.code).toBe("FORBIDDEN");
  });
});
