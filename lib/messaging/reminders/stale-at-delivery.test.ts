import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { appointmentReminders, appointments, appointmentTypes, emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { sendOutboxMessage } from "@/lib/delivery/email/send-job";
import type { Transport } from "@/lib/delivery/email/transport";
import { makeRegistry } from "@/lib/jobs/define";
import { runDueJobs } from "@/lib/jobs/worker";
import { scanDueReminders, sendDueReminder, sendReminderJob } from "./reminders";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

/*
 * A reminder waits in the outbox (SMTP retries, a text's quiet hours) and the appointment may change
 * meanwhile: the send job asks reminders' own check (still-as-told.ts) right before sending.
 */
let t: TestDb;
let demoAdmin: Actor;
let demoType: string;

const HOUR = 3_600_000;
const reminderRegistry = makeRegistry([
  {
    ...sendReminderJob,
    run: (db, target) => sendDueReminder(db, target, { baseUrl: "https://clinic.example" }),
  } as typeof sendReminderJob,
]);
/** A scan at `now`, then its reminder jobs run (their emails stay queued); returns how many jobs the scan added. */
async function queueDueReminders(now: Date): Promise<number> {
  const added = await scanDueReminders(t.db, now);
  for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry: reminderRegistry });
  return added;
}

beforeAll(async () => {
  t = await freshDb();
  demoAdmin = await actorFor(t.db, "admin@demo.test");
  demoType = (
    await t.db
      .insert(appointmentTypes)
      .values({ clinicId: demoAdmin.clinicId, name: "Follow-up treatment", durationMin: 45, needsRoom: false })
      .returning({ id: appointmentTypes.id })
  )[0]!.id;
});
afterAll(() => t.close());

async function bookDemo(client: [string, string], startsAt: Date) {
  const { appointment } = await bookAppointment(t.db, demoAdmin, {
    clientId: await clientIdByName(t.db, ...client),
    therapistUserId: (await actorFor(t.db, "therapist@demo.test")).userId,
    typeId: demoType,
    roomId: null,
    startsAt: startsAt.toISOString(),
  });
  return appointment.id;
}

describe("a queued reminder at delivery", () => {
  it("skips at delivery a reminder whose appointment was cancelled or moved since it was queued", async () => {
    const now = new Date("2038-08-02T07:00:00Z");
    const kept = await bookDemo(["Casey", "Client"], new Date(now.getTime() + 2 * HOUR));
    const cancelled = await bookDemo(["Priya", "Shah"], new Date(now.getTime() + 3 * HOUR));
    const moved = await bookDemo(["Maria", "Lopez"], new Date(now.getTime() + 4 * HOUR));
    expect(await queueDueReminders(now)).toBe(3);
    const outboxOf = async (id: string) =>
      (
        await t.db
          .select({ outboxId: appointmentReminders.outboxId })
          .from(appointmentReminders)
          .where(eq(appointmentReminders.appointmentId, id))
      )[0]!.outboxId!;
    const ids = { kept: await outboxOf(kept), cancelled: await outboxOf(cancelled), moved: await outboxOf(moved) };

    await t.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, cancelled));
    // Moving an appointment drops its reminder row so the new time gets a fresh reminder.
    await t.db
      .update(appointments)
      .set({
        startsAt: new Date(now.getTime() + 5 * HOUR),
        endsAt: new Date(now.getTime() + 5.75 * HOUR),
        blocksUntil: new Date(now.getTime() + 5.75 * HOUR),
      })
      .where(eq(appointments.id, moved));
    await t.db.delete(appointmentReminders).where(eq(appointmentReminders.appointmentId, moved));

    const sentSubjects: string[] = [];
    const transport: Transport = { sendMail: async (m) => void sentSubjects.push(m.subject) };
    for (const id of Object.values(ids))
      await sendOutboxMessage(t.db, id, transport, "Knotwork <no-reply@knotwork.test>");
    const status = async (id: string) => (await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
    expect(await status(ids.kept)).toMatchObject({ status: "sent" });
    expect(await status(ids.cancelled)).toMatchObject({ status: "skipped", sentAt: null, lastError: "StaleReminder" });
    expect(await status(ids.moved)).toMatchObject({ status: "skipped", sentAt: null, lastError: "StaleReminder" });
    expect(sentSubjects.filter((s) => s.includes("Monday, 2 August 2038"))).toEqual([(await status(ids.kept)).subject]);
  });

  it("does not send a reminder queued before a move once the new time has its own reminder", async () => {
    const now = new Date("2038-08-09T07:00:00Z");
    const moved = await bookDemo(["Maria", "Lopez"], new Date(now.getTime() + 2 * HOUR));
    expect(await queueDueReminders(now)).toBe(1);
    const outboxOf = async () =>
      (
        await t.db
          .select({ outboxId: appointmentReminders.outboxId })
          .from(appointmentReminders)
          .where(eq(appointmentReminders.appointmentId, moved))
      )[0]!.outboxId!;
    const old = await outboxOf();
    // Moved an hour later: the reminder row goes, and the next scan reminds of the new time.
    await t.db
      .update(appointments)
      .set({
        startsAt: new Date(now.getTime() + 3 * HOUR),
        endsAt: new Date(now.getTime() + 3.75 * HOUR),
        blocksUntil: new Date(now.getTime() + 3.75 * HOUR),
      })
      .where(eq(appointments.id, moved));
    await t.db.delete(appointmentReminders).where(eq(appointmentReminders.appointmentId, moved));
    expect(await queueDueReminders(now)).toBe(1);
    const fresh = await outboxOf();
    expect(fresh).not.toBe(old);

    // The old message still waits (SMTP was down, say): the appointment has a reminder row again,
    // but not for the time the old message gives.
    const sent: string[] = [];
    const transport: Transport = { sendMail: async (m) => void sent.push(m.subject) };
    for (const id of [old, fresh]) await sendOutboxMessage(t.db, id, transport, "Knotwork <no-reply@knotwork.test>");
    const row = async (id: string) => (await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
    expect(await row(old)).toMatchObject({ status: "skipped", sentAt: null, lastError: "StaleReminder" });
    expect(await row(fresh)).toMatchObject({ status: "sent" });
    expect(sent).toEqual([(await row(fresh)).subject]);
  });
});
