import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { appointmentReminders, appointments, appointmentTypes, clients, clinics, emailOutbox, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { makeRegistry } from "@/lib/jobs/define";
import { jobRegistry } from "@/lib/jobs/registry";
import { enqueueDueSchedules } from "@/lib/jobs/schedules";
import { runDueJobs } from "@/lib/jobs/worker";
import { reminderScanSchedule } from "./jobs";
import { scanDueReminders, sendDueReminder, sendReminderJob } from "./reminders";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

let t: TestDb;
let demoAdmin: Actor;
let otherAdmin: Actor;
let demoType: string;
let otherType: string;

const HOUR = 3_600_000;
const BASE = { baseUrl: "https://clinic.example" };
/** The reminder job with the test's portal origin; email.send jobs are left queued. */
const reminderRegistry = makeRegistry([
  { ...sendReminderJob, run: (db, target) => sendDueReminder(db, target, BASE) } as typeof sendReminderJob,
]);
const runReminderJobs = async () => {
  for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry: reminderRegistry });
};
/** A scan at `now`, then its reminder jobs run; returns how many jobs the scan added. */
async function queueDueReminders(now: Date): Promise<number> {
  const added = await scanDueReminders(t.db, now);
  await runReminderJobs();
  return added;
}
const outcomeOf = async (appointmentId: string) =>
  (
    await t.db
      .select({ outcome: jobs.outcome })
      .from(jobs)
      .where(and(eq(jobs.name, "reminders.send"), eq(jobs.dedupeKey, appointmentId)))
  ).map((r) => r.outcome);

beforeAll(async () => {
  t = await freshDb();
  demoAdmin = await actorFor(t.db, "admin@demo.test");
  otherAdmin = await actorFor(t.db, "admin@other.test", "other-clinic");
  const insertType = async (clinicId: string) =>
    (
      await t.db
        .insert(appointmentTypes)
        .values({ clinicId, name: "Follow-up treatment", durationMin: 45, needsRoom: false })
        .returning({ id: appointmentTypes.id })
    )[0]!.id;
  demoType = await insertType(demoAdmin.clinicId);
  otherType = await insertType(otherAdmin.clinicId);
});
afterAll(() => t.close());

async function bookDemo(client: [string, string], startsAt: Date, therapist = "therapist@demo.test") {
  const therapistId = (await actorFor(t.db, therapist)).userId;
  const { appointment } = await bookAppointment(t.db, demoAdmin, {
    clientId: await clientIdByName(t.db, ...client),
    therapistUserId: therapistId,
    typeId: demoType,
    roomId: null,
    startsAt: startsAt.toISOString(),
  });
  return appointment.id;
}

const mailFor = (ids: string[]) =>
  t.db
    .select({
      appointmentId: appointmentReminders.appointmentId,
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      text: emailOutbox.bodyText,
      kind: emailOutbox.kind,
    })
    .from(appointmentReminders)
    .innerJoin(emailOutbox, eq(emailOutbox.id, appointmentReminders.outboxId))
    .where(inArray(appointmentReminders.appointmentId, ids));

describe("appointment reminders", () => {
  it("queues the appointments inside the lead time, once, and only for clients with an email", async () => {
    // Wednesday 10 March 2038, 08:00 in London (GMT).
    const now = new Date("2038-03-10T08:00:00Z");
    const soon = await bookDemo(["Casey", "Client"], new Date(now.getTime() + HOUR));
    const edge = await bookDemo(["Priya", "Shah"], new Date(now.getTime() + 24 * HOUR));
    const later = await bookDemo(
      ["Maria", "Lopez"],
      new Date(now.getTime() + 24 * HOUR + 60_000),
      "therapist2@demo.test",
    );
    const past = await bookDemo(["Ben", "Walsh"], new Date(now.getTime() - HOUR));
    const cancelled = await bookDemo(["Hannah", "Kim"], new Date(now.getTime() + 2 * HOUR));
    await t.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, cancelled));
    const tomId = await clientIdByName(t.db, "Tom", "Okafor");
    await t.db.update(clients).set({ email: null }).where(eq(clients.id, tomId));
    const noEmail = await bookDemo(["Tom", "Okafor"], new Date(now.getTime() + 3 * HOUR));

    expect(await queueDueReminders(now)).toBe(2);
    expect(await queueDueReminders(now)).toBe(0);
    const mail = await mailFor([soon, edge, later, past, cancelled, noEmail]);
    expect(mail.map((m) => m.appointmentId).sort()).toEqual([soon, edge].sort());
    expect(mail.find((m) => m.appointmentId === soon)).toMatchObject({
      to: "client@demo.test",
      kind: "appointment_reminder",
    });

    // An hour later the one that was just outside the window is due; the others stay sent once.
    expect(await queueDueReminders(new Date(now.getTime() + HOUR))).toBe(1);
    expect((await mailFor([soon, edge, later])).map((m) => m.appointmentId).sort()).toEqual([soon, edge, later].sort());
  });

  it("writes the time in the clinic's zone, with who, what and how to cancel, nothing clinical", async () => {
    // 13:00Z on 6 April 2038 is 14:00 British Summer Time; 15:00Z is 11:00 in New York (EDT).
    const now = new Date("2038-04-06T06:00:00Z");
    const london = await bookDemo(["Casey", "Client"], new Date("2038-04-06T13:00:00Z"));
    const noah = await clientIdByName(t.db, "Noah", "Reed", "other-clinic");
    const oscar = (await actorFor(t.db, "therapist@other.test", "other-clinic")).userId;
    const { appointment } = await bookAppointment(t.db, otherAdmin, {
      clientId: noah,
      therapistUserId: oscar,
      typeId: otherType,
      roomId: null,
      startsAt: "2038-04-06T15:00:00Z",
    });
    expect(await queueDueReminders(now)).toBe(2);
    const [lon] = await mailFor([london]);
    expect(lon!.subject).toBe("Reminder: your appointment at Demo Clinic on Tuesday, 6 April 2038 at 14:00");
    // Logistics only, nothing from the client's record; the time on the clinic's clocks.
    expect(lon!.text).toContain("Hello Casey,");
    expect(lon!.text).toContain("This is a reminder of your appointment at Demo Clinic.");
    expect(lon!.text).toContain("When:\nTuesday, 6 April 2038, 14:00–14:45 (BST)");
    expect(lon!.text).toContain("With:\nTara Therapist");
    expect(lon!.text).toContain("Appointment:\nFollow-up treatment");
    // The signed link to view, cancel or move it, with the clinic's notice period.
    expect(lon!.text).toMatch(/View or cancel \[?https:\/\/clinic\.example\/appointment\/[\w.-]+/);
    expect(lon!.text).toContain("up to 24 hours before it starts");
    const [ny] = await mailFor([appointment.id]);
    expect(ny!.subject).toContain("Other Clinic on Tuesday, 6 April 2038 at 11:00");
    expect(ny!.text).toContain("11:00–11:45 (GMT-4)");
  });

  it("sends none where the clinic turned reminders off", async () => {
    await t.db.update(clinics).set({ reminderHoursBefore: 0 }).where(eq(clinics.id, otherAdmin.clinicId));
    const noah = await clientIdByName(t.db, "Noah", "Reed", "other-clinic");
    const oscar = (await actorFor(t.db, "therapist@other.test", "other-clinic")).userId;
    const { appointment } = await bookAppointment(t.db, otherAdmin, {
      clientId: noah,
      therapistUserId: oscar,
      typeId: otherType,
      roomId: null,
      startsAt: "2038-05-04T15:00:00Z",
    });
    expect(await queueDueReminders(new Date("2038-05-04T10:00:00Z"))).toBe(0);
    expect(await mailFor([appointment.id])).toEqual([]);
  });

  it("never queues two reminders for one appointment, even with workers running at once", async () => {
    const now = new Date("2038-06-01T07:00:00Z");
    const ids: string[] = [];
    const people: [string, string][] = [
      ["Casey", "Client"],
      ["Priya", "Shah"],
      ["Maria", "Lopez"],
      ["Ben", "Walsh"],
      ["Hannah", "Kim"],
      ["George", "Brown"],
    ];
    for (const [i, person] of people.entries())
      ids.push(await bookDemo(person, new Date(now.getTime() + (i + 2) * HOUR)));
    // Eight scans and four workers at once: one job per appointment, one reminder each.
    await Promise.all([
      ...Array.from({ length: 8 }, () => scanDueReminders(t.db, now)),
      ...Array.from({ length: 4 }, () => runReminderJobs()),
    ]);
    await scanDueReminders(t.db, now);
    await runReminderJobs();
    // A scan that read the list before a job finished may add a second job for an appointment
    // (the dedupe key is free once a job is done); the reminder row makes that job a no-op.
    const reminderJobs = await t.db
      .select({ dedupeKey: jobs.dedupeKey, outcome: jobs.outcome })
      .from(jobs)
      .where(and(eq(jobs.name, "reminders.send"), inArray(jobs.dedupeKey, ids)));
    expect([...new Set(reminderJobs.map((j) => j.dedupeKey))].sort()).toEqual([...ids].sort());
    expect(reminderJobs.filter((j) => j.outcome === "email queued")).toHaveLength(ids.length);
    for (const j of reminderJobs) expect(["email queued", "skipped: already reminded"]).toContain(j.outcome);
    const mail = await mailFor(ids);
    expect(mail).toHaveLength(ids.length);
    const outbox = await t.db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, "appointment_reminder"));
    const reminders = await t.db.select().from(appointmentReminders);
    expect(outbox).toHaveLength(reminders.length);
  });

  it("runs a whole pass: the scheduled scan, its reminder jobs, their emails (skipped without SMTP)", async () => {
    const reminded = await t.db.select({ id: appointmentReminders.appointmentId }).from(appointmentReminders);
    const start = new Date();
    expect(await enqueueDueSchedules(t.db, [reminderScanSchedule], start)).toBe(0);
    // Three minutes on, one tick is due (missed ticks are not run one by one), and only once.
    const later = new Date(start.getTime() + 3 * 60_000);
    expect(await enqueueDueSchedules(t.db, [reminderScanSchedule], later)).toBe(1);
    expect(await enqueueDueSchedules(t.db, [reminderScanSchedule], later)).toBe(0);
    for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry: jobRegistry });
    const [scan] = await t.db.select().from(jobs).where(eq(jobs.name, "reminders.scan"));
    expect(scan).toMatchObject({ status: "done", outcome: expect.stringMatching(/^\d+ reminder jobs added$/) });
    // Whatever the demo data had due now was reminded, and its email handled without SMTP.
    const fresh = await t.db
      .select({ status: emailOutbox.status })
      .from(appointmentReminders)
      .innerJoin(emailOutbox, eq(emailOutbox.id, appointmentReminders.outboxId))
      .where(
        reminded.length
          ? sql`${appointmentReminders.appointmentId} not in (${sql.join(
              reminded.map((r) => sql`${r.id}`),
              sql`, `,
            )})`
          : undefined,
      );
    for (const row of fresh) expect(row.status).toBe("skipped");
    const unfinished = await t.db
      .select({ name: jobs.name })
      .from(jobs)
      .where(and(inArray(jobs.name, ["reminders.send", "email.send"]), inArray(jobs.status, ["queued", "running"])));
    expect(unfinished).toEqual([]);
  });

  it("re-checks the appointment when the reminder job runs: cancelled or moved since the scan, it is skipped and says so", async () => {
    const now = new Date("2038-09-06T07:00:00Z");
    const kept = await bookDemo(["Casey", "Client"], new Date(now.getTime() + 2 * HOUR));
    const cancelled = await bookDemo(["Priya", "Shah"], new Date(now.getTime() + 3 * HOUR));
    const moved = await bookDemo(["Maria", "Lopez"], new Date(now.getTime() + 4 * HOUR));
    expect(await scanDueReminders(t.db, now)).toBe(3);
    await t.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, cancelled));
    await t.db
      .update(appointments)
      .set({
        startsAt: new Date(now.getTime() + 5 * HOUR),
        endsAt: new Date(now.getTime() + 5.75 * HOUR),
        blocksUntil: new Date(now.getTime() + 5.75 * HOUR),
      })
      .where(eq(appointments.id, moved));
    await runReminderJobs();
    expect(await outcomeOf(kept)).toEqual(["email queued"]);
    expect(await outcomeOf(cancelled)).toEqual(["skipped: appointment cancelled"]);
    expect(await outcomeOf(moved)).toEqual(["skipped: appointment moved"]);
    expect((await mailFor([kept, cancelled, moved])).map((m) => m.appointmentId)).toEqual([kept]);
    // The moved appointment is due again at its new time: the next scan gives it its reminder.
    expect(await queueDueReminders(now)).toBe(1);
    expect((await mailFor([moved])).map((m) => m.appointmentId)).toEqual([moved]);
    expect(await outcomeOf(moved)).toEqual(expect.arrayContaining(["skipped: appointment moved", "email queued"]));
  });
});
