import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { appointmentTypes, clients, emailOutbox, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { moveAppointment } from "@/lib/scheduling/appointments/move-appointment";
import { cancelAppointment } from "@/lib/scheduling/appointments/cancel-appointment";
import { sendOutboxMessage } from "@/lib/delivery/email/send-job";
import { makeRegistry } from "@/lib/jobs/define";
import { runDueJobs } from "@/lib/jobs/worker";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { readIcsWithPython, startInbox } from "@/lib/testing/mail-inbox";
import { sendAppointmentMessage, sendAppointmentMessageJob } from "./appointment-messages";
import { verifyManageToken } from "./manage-link";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

const BASE = "https://clinic.example";
const FROM = "Demo Clinic <no-reply@knotwork.test>";
let t: TestDb;
let admin: Actor;
let typeId: string;
let therapistId: string;
let inbox: Awaited<ReturnType<typeof startInbox>>;

const registry = makeRegistry([
  {
    ...sendAppointmentMessageJob,
    run: (db, notice) => sendAppointmentMessage(db, notice, { baseUrl: BASE }),
  } as typeof sendAppointmentMessageJob,
]);

/** Runs the due message jobs (optionally making delayed ones due), then delivers the outbox over SMTP. */
async function deliver(appointmentId: string, { makeDue = false } = {}) {
  if (makeDue)
    await t.db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(and(eq(jobs.name, sendAppointmentMessageJob.name), eq(jobs.status, "queued")));
  for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry });
  const pending = await t.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.appointmentId, appointmentId), eq(emailOutbox.status, "pending")));
  for (const p of pending) await sendOutboxMessage(t.db, p.id, inbox.transport, FROM);
  return inbox.read();
}

beforeAll(async () => {
  t = await freshDb();
  inbox = await startInbox();
  admin = await actorFor(t.db, "admin@demo.test");
  therapistId = (await actorFor(t.db, "therapist@demo.test")).userId;
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Follow-up treatment", durationMin: 45, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
});
afterAll(async () => {
  await inbox?.close();
  await t?.close();
});

async function book(startsAt: string, client: [string, string] = ["Casey", "Client"]) {
  const { appointment } = await bookAppointment(t.db, admin, {
    clientId: await clientIdByName(t.db, ...client),
    therapistUserId: therapistId,
    typeId,
    roomId: null,
    startsAt,
  });
  return appointment;
}

describe("appointment messages", () => {
  it("confirms a booking by email: HTML and text in the clinic's zone, the .ics, and a signed link", async () => {
    // 13:00Z on 6 April 2038 is 14:00 British Summer Time in the Demo Clinic (Europe/London).
    const appt = await book("2038-04-06T13:00:00Z");
    const [mail, ...more] = await deliver(appt.id);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Booked: Follow-up treatment at Demo Clinic, Tue 6 Apr, 14:00");
    expect(mail!.to).toMatchObject({ text: "client@demo.test" });
    expect(mail!.text).toContain("Hello Casey,");
    expect(mail!.text).toContain("When:\nTuesday, 6 April 2038, 14:00–14:45 (BST)");
    expect(mail!.text).toContain("With:\nTara Therapist");
    const link = /https:\/\/clinic\.example\/appointment\/([\w.-]+)/.exec(mail!.text!)![1]!;
    expect(verifyManageToken(link)).toMatchObject({ appointmentId: appt.id, clinicId: admin.clinicId });
    expect(mail!.html).toContain(`href="${BASE}/appointment/${link}"`);
    expect(mail!.html).toContain('lang="en-GB"');
    const [ics] = mail!.attachments;
    expect(ics).toMatchObject({ contentType: "text/calendar", filename: "appointment-2038-04-06.ics" });
    const cal = readIcsWithPython(ics!.content.toString("utf8"));
    expect(cal.events).toEqual([
      {
        uid: `${appt.id}@knotwork`,
        start: Date.parse("2038-04-06T13:00:00Z"),
        tzid: "Europe/London",
        status: "CONFIRMED",
        sequence: 1,
        summary: "Follow-up treatment at Demo Clinic",
      },
    ]);
  });

  it("tells the client of a staff move once, after the undo window; an undone move sends nothing", async () => {
    const appt = await book("2038-04-07T09:00:00Z");
    const before = (await deliver(appt.id)).length;
    // Two drags inside the window: one message, with the final time.
    const moved = await moveAppointment(t.db, admin, appt.id, {
      version: 1,
      startsAt: "2038-04-07T10:00:00Z",
      allowOutsideHours: true,
    });
    const moved2 = await moveAppointment(t.db, admin, appt.id, {
      version: moved.version,
      startsAt: "2038-04-07T11:00:00Z",
      allowOutsideHours: true,
    });
    expect((await deliver(appt.id)).length, "nothing before the undo window ends").toBe(before);
    const all = await deliver(appt.id, { makeDue: true });
    expect(all.length).toBe(before + 1);
    const change = all.at(-1)!;
    expect(change.subject).toBe("Changed: your appointment at Demo Clinic is now Wed 7 Apr, 12:00");
    expect(change.text).toContain("Was:\nWednesday, 7 April 2038, 10:00–10:45 (BST)");
    expect(change.text).toContain("Now:\nWednesday, 7 April 2038, 12:00–12:45 (BST)");
    const cal = readIcsWithPython(change.attachments[0]!.content.toString("utf8"));
    expect(cal.events[0]).toMatchObject({ uid: `${appt.id}@knotwork`, start: Date.parse("2038-04-07T11:00:00Z") });
    expect(cal.events[0]!.sequence).toBe(moved2.version);

    // A drag and its Undo inside the window: the client was already told 12:00, so nothing goes.
    const away = await moveAppointment(t.db, admin, appt.id, {
      version: moved2.version,
      startsAt: "2038-04-07T13:00:00Z",
      allowOutsideHours: true,
    });
    await moveAppointment(t.db, admin, appt.id, {
      version: away.version,
      startsAt: "2038-04-07T11:00:00Z",
      allowOutsideHours: true,
    });
    expect((await deliver(appt.id, { makeDue: true })).length).toBe(before + 1);
    // Staff may also choose not to tell the client.
    await moveAppointment(t.db, admin, appt.id, {
      version: away.version + 1,
      startsAt: "2038-04-07T14:00:00Z",
      allowOutsideHours: true,
      notifyClient: false,
    });
    expect((await deliver(appt.id, { makeDue: true })).length).toBe(before + 1);
  });

  it("sends the cancellation with the words the clinic chose to share and a cancelled .ics, and no link", async () => {
    const appt = await book("2038-04-08T09:00:00Z");
    await deliver(appt.id);
    const start = inbox.count();
    await cancelAppointment(t.db, admin, appt.id, {
      version: 1,
      reason: "Therapist unwell (internal)",
      cancelledBy: "clinic",
      messageToClient: "Tara is unwell; we will call you to rebook.",
    });
    const mail = (await deliver(appt.id)).slice(start);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Cancelled: Follow-up treatment at Demo Clinic, Thu 8 Apr, 10:00");
    expect(mail[0]!.text).toContain(
      "Demo Clinic has cancelled your appointment. Tara is unwell; we will call you to rebook.",
    );
    expect(mail[0]!.text).not.toContain("internal");
    expect(mail[0]!.text).not.toContain("/appointment/");
    const cal = readIcsWithPython(mail[0]!.attachments[0]!.content.toString("utf8"));
    expect(cal.events[0]).toMatchObject({ uid: `${appt.id}@knotwork`, status: "CANCELLED", sequence: 2 });
  });

  it("records a skipped message for a client without an email address, and sends nothing", async () => {
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    await t.db.update(clients).set({ email: null }).where(eq(clients.id, priya));
    const start = inbox.count();
    const appt = await book("2038-04-09T09:00:00Z", ["Priya", "Shah"]);
    await deliver(appt.id);
    expect(inbox.count()).toBe(start);
    const rows = await t.db.select().from(emailOutbox).where(eq(emailOutbox.appointmentId, appt.id));
    expect(rows).toMatchObject([
      { status: "skipped", kind: "appointment.booked", lastError: "no email address", clientId: priya },
    ]);
  });
});
