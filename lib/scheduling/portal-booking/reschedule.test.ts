import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointmentReminders, appointments, auditEvents, clients, clinics, jobs } from "@/db/schema";
import { CALL_TO_BOOK, MESSAGES } from "./booking-checks";
import { listRescheduleSlots } from "./list-reschedule-slots";
import { rescheduleMyAppointment } from "./reschedule-my-appointment";
import { RESCHEDULE_MESSAGES } from "./reschedule-checks";
import { bookingFixture, failure, NOW } from "./booking-test-fixture";

const f = bookingFixture();

/** Casey's booking with Tara at `startsAt` (through the real online booking). */
const booked = async (startsAt: string) => (await f.book(startsAt)).appointment;
const move = (id: string, startsAt: string, version: number) =>
  rescheduleMyAppointment(f.db, f.casey, id, { startsAt, version }, NOW);
const slotStarts = async (id: string) =>
  (await listRescheduleSlots(f.db, f.casey, id, { days: 14 }, NOW)).days.flatMap((d) => d.slots.map((s) => s.start));

describe("moving one's own appointment from the portal", () => {
  it("offers the same therapist's free times, counting its own time as free but not offering it", async () => {
    const a = await booked("2027-03-03T10:00:00.000Z");
    const starts = await slotStarts(a.id);
    // 10:30 overlaps the appointment itself: free to Casey, who is moving out of it.
    expect(starts).toContain("2027-03-03T10:30:00.000Z");
    expect(starts).not.toContain("2027-03-03T10:00:00.000Z");
    // Only Tara's hours (Theo works Tuesdays 14:00–16:00).
    expect(starts.every((s) => new Date(s).getUTCHours() >= 9 && new Date(s).getUTCHours() < 13)).toBe(true);
    await f.db.delete(appointments).where(eq(appointments.id, a.id));
  });

  it("moves it in one step: the new time is held, the old one is free, the clinic's record and the client are told", async () => {
    const a = await booked("2027-03-04T09:00:00.000Z");
    await f.db.insert(appointmentReminders).values({ clinicId: f.admin.clinicId, appointmentId: a.id });
    const moved = await move(a.id, "2027-03-05T11:00:00.000Z", a.version);
    expect(moved).toMatchObject({ id: a.id, startsAt: "2027-03-05T11:00:00.000Z", version: a.version + 1 });
    expect(moved.endsAt).toBe("2027-03-05T11:45:00.000Z");
    // The old time can be booked by someone else at once.
    const other = await f.book("2027-03-04T09:00:00.000Z");
    const [event] = await f.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, "appointment.moved")));
    expect(event?.details).toMatchObject({ via: "portal" });
    const told = await f.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(eq(jobs.dedupeKey, `${a.id}:changed`));
    expect(told).toHaveLength(1);
    const reminders = await f.db
      .select()
      .from(appointmentReminders)
      .where(eq(appointmentReminders.appointmentId, a.id));
    expect(reminders).toEqual([]);
    await f.db.delete(appointments).where(eq(appointments.id, a.id));
    await f.db.delete(appointments).where(eq(appointments.id, other.appointment.id));
  });

  it("refuses late changes naming the notice period, a stale version, a taken time and the same time", async () => {
    await f.db.update(clinics).set({ cancellationNoticeHours: 72 }).where(eq(clinics.id, f.admin.clinicId));
    const soon = await booked("2027-03-03T09:00:00.000Z");
    const late = await failure(move(soon.id, "2027-03-10T09:00:00.000Z", soon.version));
    expect(late).toMatchObject({ code: "CONFLICT", message: RESCHEDULE_MESSAGES.late(72) });
    expect(late?.message).toContain("3 days");
    await f.db.update(clinics).set({ cancellationNoticeHours: 24 }).where(eq(clinics.id, f.admin.clinicId));

    const a = await booked("2027-03-10T10:00:00.000Z");
    const b = await booked("2027-03-10T12:00:00.000Z");
    expect(await failure(move(a.id, "2027-03-11T10:00:00.000Z", a.version + 5))).toMatchObject({
      message: RESCHEDULE_MESSAGES.changed,
    });
    expect(await failure(move(a.id, "2027-03-10T12:00:00.000Z", a.version))).toMatchObject({
      message: MESSAGES.slotGone,
    });
    expect(await failure(move(a.id, "2027-03-10T10:00:00.000Z", a.version))).toMatchObject({
      message: RESCHEDULE_MESSAGES.sameTime,
    });
    // Nothing was half-written: both still where they were.
    const rows = await f.db
      .select({ id: appointments.id, startsAt: appointments.startsAt, version: appointments.version })
      .from(appointments)
      .where(eq(appointments.clientId, f.casey.clientId!));
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ startsAt: new Date("2027-03-10T10:00:00Z"), version: 1 });
    for (const x of [soon, a, b]) await f.db.delete(appointments).where(eq(appointments.id, x.id));
  });

  it("two moves of one appointment at once: one wins, the other is told it changed", async () => {
    const a = await booked("2027-03-12T09:00:00.000Z");
    const results = await Promise.allSettled([
      move(a.id, "2027-03-15T09:00:00.000Z", a.version),
      move(a.id, "2027-03-16T10:00:00.000Z", a.version),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [row] = await f.db.select().from(appointments).where(eq(appointments.id, a.id));
    expect(row!.version).toBe(2);
    await f.db.delete(appointments).where(eq(appointments.id, a.id));
  });

  it("404 for someone else's appointment; 409 once flagged or for a type not booked online", async () => {
    const a = await booked("2027-03-17T09:00:00.000Z");
    expect(
      await failure(rescheduleMyAppointment(f.db, f.olivia, a.id, { startsAt: a.startsAt, version: 1 }, NOW)),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(listRescheduleSlots(f.db, f.olivia, a.id, { days: 7 }, NOW))).toMatchObject({
      code: "NOT_FOUND",
    });
    const [priyas] = await f.db
      .insert(appointments)
      .values({
        clinicId: f.admin.clinicId,
        clientId: f.priyaId,
        therapistUserId: f.taraId,
        typeId: f.onlineType,
        startsAt: new Date("2027-03-18T09:00:00Z"),
        endsAt: new Date("2027-03-18T09:45:00Z"),
        blocksUntil: new Date("2027-03-18T10:00:00Z"),
        createdBy: f.admin.userId,
      })
      .returning({ id: appointments.id });
    expect(await failure(move(priyas!.id, "2027-03-19T09:00:00.000Z", 1))).toMatchObject({ code: "NOT_FOUND" });

    await f.db.update(clients).set({ doNotBookOnlineReason: "Owes fees" }).where(eq(clients.id, f.casey.clientId!));
    const flagged = await failure(move(a.id, "2027-03-19T09:00:00.000Z", a.version));
    expect(flagged?.message).toContain(CALL_TO_BOOK);
    expect(flagged?.message).not.toContain("fees");
    await f.db.update(clients).set({ doNotBookOnlineReason: null }).where(eq(clients.id, f.casey.clientId!));

    await f.db.update(appointments).set({ typeId: f.phoneType }).where(eq(appointments.id, a.id));
    expect(await failure(move(a.id, "2027-03-19T09:00:00.000Z", a.version))).toMatchObject({
      message: MESSAGES.typeNotOnline,
    });
    for (const id of [a.id, priyas!.id]) await f.db.delete(appointments).where(eq(appointments.id, id));
  });
});
