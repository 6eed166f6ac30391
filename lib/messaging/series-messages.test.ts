import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { clients, clinics, emailOutbox, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { createSeries } from "@/lib/scheduling/appointments/series";
import { cancelSeriesFrom } from "@/lib/scheduling/appointments/cancel-series-from";
import { createSeriesBody } from "@/lib/scheduling/appointments/series-schemas";
import { setWeeklyHours } from "@/lib/scheduling/availability/set-weekly-hours";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { sendOutboxMessage } from "@/lib/delivery/email/send-job";
import { makeRegistry } from "@/lib/jobs/define";
import { runDueJobs } from "@/lib/jobs/worker";
import { actorFor, clientIdByName, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { readIcsWithPython, startInbox } from "@/lib/testing/mail-inbox";
import { sendAppointmentMessageJob } from "./appointment-messages";
import { listClientMessages } from "./client-message-log";
import type { SeriesNotice } from "@/lib/scheduling/appointments/series-notice";
import { sendSeriesMessage, sendSeriesMessageJob } from "./series-messages";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

const FROM = "Demo Clinic <no-reply@knotwork.test>";
let t: TestDb;
let admin: Actor;
let theo: string;
let typeId: string;
let inbox: Awaited<ReturnType<typeof startInbox>>;
/** What the worker runs: the series message with SMS on (the provider is not called here: texts stay queued). */
let smsOn = false;
const registry = makeRegistry([
  { ...sendSeriesMessageJob, run: (db, n) => sendSeriesMessage(db, n, { smsOn }) } as typeof sendSeriesMessageJob,
  sendAppointmentMessageJob,
]);

beforeAll(async () => {
  t = await freshDb();
  inbox = await startInbox();
  admin = await actorFor(t.db, "admin@demo.test");
  theo = await userIdByEmail(t.db, "therapist2@demo.test");
  typeId = (
    await createAppointmentType(t.db, admin, {
      name: "Treatment 45",
      durationMin: 45,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: false,
    })
  ).id;
  const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
  await setWeeklyHours(t.db, admin, theo, { blocks: week, version: 0 });
});
afterAll(async () => {
  await inbox?.close();
  await t?.close();
});

const series = async (clientId: string, start: string, count: number, idempotencyKey?: string) =>
  createSeries(
    t.db,
    admin,
    createSeriesBody.parse({
      clientId,
      typeId,
      therapistUserId: theo,
      rule: { start, intervalWeeks: 1, count },
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
  );
const jobsNamed = async (name: string) =>
  (await t.db.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.name, name))).map((j) => j.payload);
const rowsFor = (clientId: string, kind: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.clientId, clientId), eq(emailOutbox.kind, kind)));
/** Runs the due jobs, then delivers the client's pending emails over SMTP; returns the mails received. */
async function deliver(clientId: string) {
  for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry });
  const pending = await t.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.clientId, clientId), eq(emailOutbox.status, "pending"), eq(emailOutbox.channel, "email")),
    );
  for (const p of pending) await sendOutboxMessage(t.db, p.id, inbox.transport, FROM);
  return inbox.read();
}

describe("series messages", () => {
  it("tells the client once about a booked series: every date, one .ics with all, no confirmation per session", async () => {
    const casey = await clientIdByName(t.db, "Casey", "Client");
    const before = (await inbox.read()).length;
    // Tuesdays from 2 March 2038 (GMT) to 6 April (BST after 28 March): 10:00 local each time.
    const s = await series(casey, "2038-03-02T10:00", 6, "series-messages-key-1");
    expect(await jobsNamed(sendAppointmentMessageJob.name), "no confirmation per session").toEqual([]);
    expect(await jobsNamed(sendSeriesMessageJob.name)).toHaveLength(1);
    // A retried request replays the series and queues nothing more.
    expect((await series(casey, "2038-03-02T10:00", 6, "series-messages-key-1")).replayed).toBe(true);
    expect(await jobsNamed(sendSeriesMessageJob.name)).toHaveLength(1);

    const mails = (await deliver(casey)).slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Booked: 6 appointments at Demo Clinic from 2 Mar");
    expect(mail.text).toContain(
      "Your 6 weekly appointments with Theo Therapist, Tuesdays 10:00, from 2 March to 6 April.",
    );
    expect(mail.text).toContain("Tuesday, 2 March 2038, 10:00–10:45 (GMT)");
    expect(mail.text).toContain("Tuesday, 6 April 2038, 10:00–10:45 (BST)");
    expect(mail.html).toContain("<li");
    const cal = readIcsWithPython(mail.attachments[0]!.content.toString("utf8"));
    expect(cal.events.map((e) => e.uid)).toEqual(s.appointments.map((a) => `${a.id}@knotwork`));
    expect(cal.events.every((e) => e.status === "CONFIRMED" && e.tzid === "Europe/London")).toBe(true);
    expect(cal.events[5]!.start).toBe(Date.parse("2038-04-06T09:00:00Z"));

    // A re-run of the job (a lost lease) writes nothing again.
    const [payload] = (await jobsNamed(sendSeriesMessageJob.name)) as SeriesNotice[];
    expect(await sendSeriesMessage(t.db, payload!)).toBe("skipped: already written");
    expect(await rowsFor(casey, "series.booked")).toHaveLength(1);
    const log = await listClientMessages(t.db, admin, casey);
    expect(log.messages[0]).toMatchObject({ label: "Series confirmation", status: "sent", channel: "email" });

    // Cancelling the rest: one message listing the three cancelled sessions.
    const { cancelled } = await cancelSeriesFrom(t.db, admin, s.id, {
      fromDate: "2038-03-23",
      reason: "Therapist away",
    });
    expect(cancelled).toBe(3);
    const after = await deliver(casey);
    const cancel = after.slice(before + 1);
    expect(cancel).toHaveLength(1);
    expect(cancel[0]!.subject).toBe("Cancelled: 3 appointments at Demo Clinic from 23 Mar");
    expect(cancel[0]!.text).toContain("Demo Clinic has cancelled these 3 appointments of your Treatment 45 series.");
    expect(cancel[0]!.text).not.toContain("Therapist away");
    expect(cancel[0]!.text).toContain("Tuesday, 23 March 2038");
    expect(cancel[0]!.text).not.toContain("Tuesday, 16 March 2038");
    const ics = readIcsWithPython(cancel[0]!.attachments[0]!.content.toString("utf8"));
    expect(ics.events.map((e) => e.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(await jobsNamed(sendAppointmentMessageJob.name), "no cancellation per session").toEqual([]);
    // Cancelling again from the same day finds nothing left: no message.
    await cancelSeriesFrom(t.db, admin, s.id, { fromDate: "2038-03-23", reason: "Again" });
    expect(await jobsNamed(sendSeriesMessageJob.name)).toHaveLength(2);
  });

  it("goes by the client's channel: a text listing the dates (held in quiet hours), no email when they chose text", async () => {
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    await t.db
      .update(clients)
      .set({ phone: "+44 7700 900123", smsConsent: true, smsConsentAt: new Date(), messageChannel: "sms" })
      .where(eq(clients.id, priya));
    // Quiet from 21:00 to 08:00 London: a series booked at 23:00 waits for the morning.
    await t.db
      .update(clinics)
      .set({ smsQuietStartMinute: 21 * 60, smsQuietEndMinute: 8 * 60 })
      .where(eq(clinics.id, admin.clinicId));
    smsOn = true;
    try {
      const s = await series(priya, "2038-05-04T11:00", 4);
      const [notice] = (await jobsNamed(sendSeriesMessageJob.name)).slice(-1) as SeriesNotice[];
      expect(notice!.seriesId).toBe(s.id);
      const summary = await sendSeriesMessage(t.db, notice!, { smsOn: true, now: new Date("2038-04-20T22:00:00Z") });
      expect(summary).toBe("sms queued for 2038-04-21T07:00:00.000Z (quiet hours)");
      const texts = await rowsFor(priya, "series.booked");
      expect(texts.map((r) => r.channel)).toEqual(["sms"]);
      expect(texts[0]!.bodyText).toBe(
        "Demo Clinic: you're booked for Treatment 45 with Theo Therapist, Tuesdays 11:00: 4 May, 11 May, 18 May, 25 May.",
      );
    } finally {
      smsOn = false;
      await t.db
        .update(clinics)
        .set({ smsQuietStartMinute: null, smsQuietEndMinute: null })
        .where(eq(clinics.id, admin.clinicId));
    }
  });

  it("shares only the words the clinic chose, and tells no one when staff say not to", async () => {
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    const s = await series(priya, "2038-05-05T11:00", 4);
    const before = (await deliver(priya)).length;
    await cancelSeriesFrom(t.db, admin, s.id, {
      fromDate: "2038-05-19",
      reason: "Internal: owes for two visits",
      messageToClient: "Theo is away that fortnight.",
    });
    const mails = (await deliver(priya)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("these 2 appointments of your Treatment 45 series.");
    expect(mails[0]!.text).toContain("Theo is away that fortnight.");
    expect(mails[0]!.text).not.toContain("owes for two visits");

    const queued = (await jobsNamed(sendSeriesMessageJob.name)).length;
    await cancelSeriesFrom(t.db, admin, s.id, {
      fromDate: "2038-05-12",
      reason: "Agreed by phone",
      notifyClient: false,
    });
    expect(await jobsNamed(sendSeriesMessageJob.name)).toHaveLength(queued);
    expect((await deliver(priya)).length).toBe(before + 1);
  });

  it("skips with a reason: a client without email, and a series whose sessions are over", async () => {
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    await t.db.update(clients).set({ email: null }).where(eq(clients.id, tom));
    const s = await series(tom, "2038-06-01T09:00", 2);
    await deliver(tom);
    const rows = await rowsFor(tom, "series.booked");
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([["skipped", "no email address"]]);

    // Sessions over by the time the job runs (a worker down for weeks): nothing is sent, and the job says why.
    const maria = await clientIdByName(t.db, "Maria", "Lopez");
    const late = await series(maria, "2038-06-01T10:00", 2);
    const notice: SeriesNotice = {
      clinicId: admin.clinicId,
      seriesId: late.id,
      event: "booked",
      appointmentIds: late.appointments.map((a) => a.id),
    };
    expect(await sendSeriesMessage(t.db, notice, { now: new Date("2038-07-01T00:00:00Z") })).toBe(
      "skipped: every session is over or no longer booked",
    );
    expect(await rowsFor(maria, "series.booked")).toEqual([]);
    expect(s.appointments).toHaveLength(2);
  });
});
