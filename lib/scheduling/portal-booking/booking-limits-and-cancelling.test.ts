import { describe, expect, it } from "vitest";
import { and, eq, gt, inArray } from "drizzle-orm";
import { appointments, auditEvents, clinics } from "@/db/schema";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { MAX_UPCOMING, MESSAGES } from "./booking-checks";
import { CLIENT_CANCEL_REASON, cancelMyAppointment } from "./cancel-my-appointment";
import { listMyAppointments } from "./list-my-appointments";
import { myAppointmentIcs } from "./my-appointment-ics";
import { bookingFixture, failure, NOW } from "./booking-test-fixture";

const f = bookingFixture();

describe("booking online: keys, overlaps and the limit", () => {
  it("refuses a reused key for a different request instead of replaying the first booking", async () => {
    const k = f.key();
    const first = await f.book("2027-03-08T10:00:00Z", { idempotencyKey: k });
    for (const over of [{ startsAt: "2027-03-08T11:00:00Z" }, { therapistId: f.theoId }, { typeId: f.phoneType }]) {
      const err = await failure(f.book(over.startsAt ?? "2027-03-08T10:00:00Z", { idempotencyKey: k, ...over }));
      expect(err, JSON.stringify(over)).toMatchObject({ code: "CONFLICT", message: MESSAGES.keyReused });
    }
    // "Whichever therapist" matches the booking that was made.
    expect(await f.book("2027-03-08T10:00:00Z", { idempotencyKey: k, therapistId: null })).toMatchObject({
      replayed: true,
      appointment: { id: first.appointment.id },
    });
    const made = await f.db
      .select()
      .from(appointments)
      .where(eq(appointments.idempotencyKey, `portal:${f.casey.clientId}:${k}`));
    expect(made).toHaveLength(1);
  });

  it("refuses a time that overlaps the client's own appointment with another therapist", async () => {
    const [theirs] = await f.db
      .insert(appointments)
      .values({
        clinicId: f.admin.clinicId,
        clientId: f.casey.clientId!,
        therapistUserId: f.theoId,
        roomId: null,
        typeId: f.onlineType,
        startsAt: new Date("2027-03-16T10:00:00Z"),
        endsAt: new Date("2027-03-16T10:45:00Z"),
        blocksUntil: new Date("2027-03-16T11:00:00Z"),
        createdBy: f.admin.userId,
      })
      .returning({ id: appointments.id });
    try {
      const err = await failure(f.book("2027-03-16T10:30:00Z"));
      expect(err).toMatchObject({ code: "CONFLICT", message: MESSAGES.overlapsOwn });
      // Right after it ends is fine.
      const after = await f.book("2027-03-16T11:00:00Z");
      await f.db.delete(appointments).where(eq(appointments.id, after.appointment.id));
    } finally {
      await f.db.delete(appointments).where(eq(appointments.id, theirs!.id));
    }
  });

  it("never exceeds the upcoming limit, even with bookings sent at once", async () => {
    const held = await f.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.clientId, f.casey.clientId!),
          inArray(appointments.status, ["booked", "arrived"]),
          gt(appointments.endsAt, NOW),
        ),
      );
    const room = MAX_UPCOMING - held.length;
    expect(room).toBeGreaterThan(0);
    const starts = ["22", "23", "24"]
      .flatMap((d) => ["10", "11", "12"].map((h) => `2027-03-${d}T${h}:00:00Z`))
      .slice(0, room + 3);
    const results = await Promise.allSettled(starts.map((s) => f.book(s)));
    const ok = results.filter((r) => r.status === "fulfilled");
    try {
      expect(ok).toHaveLength(room);
      for (const r of results)
        if (r.status === "rejected") expect((r.reason as Error).message).toMatch(/upcoming appointments/);
    } finally {
      const ids = ok.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof f.book>>>).value.appointment.id);
      if (ids.length > 0) await f.db.delete(appointments).where(inArray(appointments.id, ids));
    }
  });
});

describe("my appointments and cancelling", () => {
  it("lists only the client's own appointments, without staff-only fields", async () => {
    const mine = await listMyAppointments(f.db, f.casey, NOW);
    expect(mine.upcoming.length).toBeGreaterThan(0);
    const ids = [...mine.upcoming, ...mine.past].map((a) => a.id);
    const own = await f.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.clientId, f.casey.clientId!));
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
      "typeBookableOnline",
      "typeName",
      "version",
    ]);
    expect((await listMyAppointments(f.db, f.olivia, NOW)).upcoming).toEqual([]);
  });

  it("cancels in time, recording who and why", async () => {
    const { appointment } = await f.book("2027-03-05T11:00:00Z");
    // 24 hours before 11:00 on Friday is 11:00 on Thursday: still on time at that instant.
    const cancelled = await cancelMyAppointment(f.db, f.casey, appointment.id, new Date("2027-03-04T11:00:00Z"));
    expect(cancelled).toMatchObject({ status: "cancelled", cancellable: false });
    const [row] = await f.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row).toMatchObject({
      status: "cancelled",
      cancelReason: CLIENT_CANCEL_REASON,
      cancelledBy: f.casey.userId,
      lateCancellation: false,
    });
    const events = await f.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, appointment.id), eq(auditEvents.action, "appointment.cancelled")));
    expect(events).toHaveLength(1);
    expect((await failure(cancelMyAppointment(f.db, f.casey, appointment.id, NOW)))?.message).toBe(
      "This appointment is already cancelled.",
    );
  });

  it("refuses a late cancellation with the message naming the notice period", async () => {
    const { appointment } = await f.book("2027-03-05T12:00:00Z");
    const err = await failure(cancelMyAppointment(f.db, f.casey, appointment.id, new Date("2027-03-04T12:00:00.001Z")));
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err?.message).toBe(
      "Appointments can be cancelled online up to 24 hours before they start. Please contact the clinic to cancel this one.",
    );
    await f.db.update(clinics).set({ cancellationNoticeHours: 48 }).where(eq(clinics.id, f.admin.clinicId));
    expect(
      (await failure(cancelMyAppointment(f.db, f.casey, appointment.id, new Date("2027-03-03T13:00:00Z"))))?.message,
    ).toContain("up to 2 days before");
    const [row] = await f.db.select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.status).toBe("booked");
  });

  it("never lets a client cancel or download someone else's appointment", async () => {
    const { appointment } = await bookAppointment(f.db, f.admin, {
      clientId: f.priyaId,
      therapistUserId: f.theoId,
      typeId: f.onlineType,
      roomId: f.roomId,
      startsAt: "2027-03-09T14:00:00Z",
    });
    for (const actor of [f.casey, f.olivia]) {
      expect((await failure(cancelMyAppointment(f.db, actor, appointment.id, NOW)))?.code).toBe("NOT_FOUND");
      expect((await failure(myAppointmentIcs(f.db, actor, appointment.id)))?.code).toBe("NOT_FOUND");
    }
    expect((await failure(cancelMyAppointment(f.db, f.admin, appointment.id, NOW)))?.code).toBe("FORBIDDEN");
  });

  it("downloads the client's own appointment as .ics in the clinic's zone", async () => {
    const { appointment } = await f.book("2027-04-06T09:00:00Z", { therapistId: null });
    const { filename, body } = await myAppointmentIcs(f.db, f.casey, appointment.id);
    expect(filename).toBe("appointment-2027-04-06.ics");
    // 09:00Z in April is 10:00 British Summer Time.
    expect(body).toContain("DTSTART;TZID=Europe/London:20270406T100000\r\n");
    expect(body).toContain(`UID:${appointment.id}@knotwork`);
    expect(body).toContain("SUMMARY:Follow-up at Demo Clinic");
  });
});
