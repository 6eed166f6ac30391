import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointmentTypes, clients, clinics, emailOutbox, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { startSmsProvider, type SmsProviderFake } from "@/lib/testing/sms-provider";
import { sendAppointmentMessage } from "@/lib/messaging/appointment-messages";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { updateClinicSettings } from "@/lib/scheduling/setup/update-clinic-settings";
import type { AppError } from "@/lib/errors";
import { TwilioSmsProvider } from "./provider";
import { sendOutboxSms, sendSmsJob } from "./send-job";
import { handleStatusCallback } from "./status-callback";

const BASE = "https://clinic.example";
const SID = `AC${"a1".repeat(16)}`;
const TOKEN = "test-auth-token-0123456789";
let t: TestDb;
let admin: Actor;
let typeId: string;
let therapistId: string;
let fake: SmsProviderFake;
let provider: TwilioSmsProvider;

beforeAll(async () => {
  t = await freshDb();
  fake = await startSmsProvider({
    accountSid: SID,
    authToken: TOKEN,
    refuse: (to) => (to === "+447700900999" ? [400, 21610, "Attempt to send to unsubscribed recipient"] : undefined),
  });
  provider = new TwilioSmsProvider({ accountSid: SID, authToken: TOKEN, from: "+447700900000", baseUrl: fake.baseUrl });
  admin = await actorFor(t.db, "admin@demo.test");
  therapistId = (await actorFor(t.db, "therapist@demo.test")).userId;
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Follow-up", durationMin: 45, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});

async function clientWith(prefs: Partial<typeof clients.$inferInsert>, name: [string, string] = ["Casey", "Client"]) {
  const id = await clientIdByName(t.db, ...name);
  await t.db.update(clients).set(prefs).where(eq(clients.id, id));
  return id;
}

async function bookAndTell(clientId: string, startsAt: string, now?: Date, smsOn = true) {
  const { appointment } = await bookAppointment(t.db, admin, {
    clientId,
    therapistUserId: therapistId,
    typeId,
    roomId: null,
    startsAt,
  });
  const outcome = await sendAppointmentMessage(
    t.db,
    { clinicId: admin.clinicId, appointmentId: appointment.id, event: "booked" },
    { baseUrl: BASE, smsOn, now },
  );
  const rows = await t.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.appointmentId, appointment.id))
    .orderBy(emailOutbox.channel);
  return { appointment, outcome, rows };
}

const smsJobOf = async (outboxId: string) =>
  (
    await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, sendSmsJob.name), eq(jobs.dedupeKey, outboxId)))
  )[0]!;

describe("SMS through the provider", () => {
  it("texts a client who chose SMS, through Twilio's Messages API (form-encoded, basic auth), in E.164", async () => {
    const casey = await clientWith({ phone: "07700 900123", messageChannel: "sms", smsConsent: true });
    const { outcome, rows } = await bookAndTell(casey, "2027-05-04T13:00:00Z", new Date("2027-05-01T10:00:00Z"));
    expect(outcome).toBe("sms queued");
    expect(rows).toHaveLength(1);
    const [sms] = rows;
    expect(sms).toMatchObject({
      channel: "sms",
      toAddress: "+447700900123",
      status: "pending",
      subject: "Booking confirmation",
    });
    expect(await sendOutboxSms(t.db, sms!.id, provider, undefined, { baseUrl: BASE })).toBe("sent");
    const got = fake.sent.at(-1)!;
    expect(got).toMatchObject({ to: "+447700900123", from: "+447700900000", accountSid: SID });
    expect(got.auth).toEqual({ user: SID, password: TOKEN });
    expect(got.body).toMatch(/^Demo Clinic: you're booked for Follow-up on Tue 4 May, 14:00 with Tara Therapist\./);
    // The short link (one segment's worth), not the ~150-character signed one.
    expect(got.body).toMatch(new RegExp(`Manage: ${BASE.replace(/\./g, "\\.")}/m/[\\w-]{12}$`));
    expect(got.statusCallback).toBe(`${BASE}/webhooks/sms/status`);
    const [after] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, sms!.id));
    expect(after).toMatchObject({ status: "sent", providerMessageId: got.sid, deliveryStatus: "queued" });
    // Sent is final: a re-run (lost lease, admin retry) sends nothing more.
    expect(await sendOutboxSms(t.db, sms!.id, provider)).toBe("nothing to send (sent)");
    expect(fake.sent.filter((m) => m.sid === got.sid)).toHaveLength(1);
  });

  it("checks the callback signature: valid moves the status on, invalid is 403 and changes nothing, a replay changes nothing", async () => {
    const sid = fake.sent.at(-1)!.sid;
    const status = async () =>
      (await t.db.select().from(emailOutbox).where(eq(emailOutbox.providerMessageId, sid)))[0]!;
    const call = (req: Request) => handleStatusCallback(t.db, provider, req, { baseUrl: BASE });

    const forged = await call(fake.callbackRequest(sid, "delivered", {}, "bm90IGEgc2lnbmF0dXJl"));
    expect(forged.status).toBe(403);
    // A signature for other parameters (a tampered status) fails too.
    const signedSent = fake.statusCallback(sid, "sent").signature;
    expect((await call(fake.callbackRequest(sid, "undelivered", {}, signedSent))).status).toBe(403);
    expect((await status()).deliveryStatus).toBe("queued");

    const sent = await call(fake.callbackRequest(sid, "sent"));
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ received: true, outcome: "sent" });
    const delivered = await call(fake.callbackRequest(sid, "delivered"));
    expect(await delivered.json()).toEqual({ received: true, outcome: "delivered" });
    const at = (await status()).deliveryUpdatedAt;
    // Replays and a late "sent" arriving after "delivered": accepted (no resend by the provider), nothing changes.
    for (const s of ["delivered", "sent"]) {
      const again = await call(fake.callbackRequest(sid, s));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ received: true, outcome: "unchanged" });
    }
    expect(await status()).toMatchObject({ deliveryStatus: "delivered", status: "sent", deliveryUpdatedAt: at });
    // No provider configured: the route is not there.
    expect((await handleStatusCallback(t.db, null, fake.callbackRequest(sid, "sent"))).status).toBe(404);
  });

  it("an undelivered callback marks the message failed, with the provider's error code", async () => {
    const priya = await clientWith({ phone: "+44 7700 900124", messageChannel: "both", smsConsent: true }, [
      "Priya",
      "Shah",
    ]);
    const { rows } = await bookAndTell(priya, "2027-05-05T13:00:00Z", new Date("2027-05-01T10:00:00Z"));
    expect(rows.map((r) => r.channel)).toEqual(["email", "sms"]);
    const sms = rows.find((r) => r.channel === "sms")!;
    await sendOutboxSms(t.db, sms.id, provider, undefined, { baseUrl: BASE });
    const sid = fake.sent.at(-1)!.sid;
    const res = await handleStatusCallback(
      t.db,
      provider,
      fake.callbackRequest(sid, "undelivered", { ErrorCode: "30003" }),
      {
        baseUrl: BASE,
      },
    );
    expect(res.status).toBe(200);
    const [after] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, sms.id));
    expect(after).toMatchObject({ status: "failed", deliveryStatus: "undelivered", lastError: "SmsUndelivered:30003" });
  });

  it("a number the provider refuses fails for good (no retry); an outage is retried", async () => {
    const casey = await clientWith({ phone: "+44 7700 900999", messageChannel: "sms", smsConsent: true });
    const { rows } = await bookAndTell(casey, "2027-05-06T13:00:00Z", new Date("2027-05-01T10:00:00Z"));
    await expect(sendOutboxSms(t.db, rows[0]!.id, provider, { attempt: 1, maxAttempts: 5 })).rejects.toMatchObject({
      name: "SmsRefused:21610",
    });
    expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, rows[0]!.id)))[0]).toMatchObject({
      status: "failed",
      lastError: "SmsRefused:21610",
    });

    const down = await startSmsProvider({ accountSid: SID, authToken: TOKEN, unavailableFor: 1 });
    try {
      const flaky = new TwilioSmsProvider({
        accountSid: SID,
        authToken: TOKEN,
        from: "+447700900000",
        baseUrl: down.baseUrl,
      });
      await clientWith({ phone: "+44 7700 900125" });
      const again = await bookAndTell(casey, "2027-05-07T13:00:00Z", new Date("2027-05-01T10:00:00Z"));
      const id = again.rows[0]!.id;
      await expect(sendOutboxSms(t.db, id, flaky, { attempt: 1, maxAttempts: 5 })).rejects.toMatchObject({
        name: "SmsSendError",
      });
      expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!.status).toBe("pending");
      expect(await sendOutboxSms(t.db, id, flaky, { attempt: 2, maxAttempts: 5 })).toBe("sent");
      expect(down.sent).toHaveLength(1);
    } finally {
      await down.close();
    }
  });

  it("without SMS configured the text is recorded 'not sent: SMS not configured' and the email still goes", async () => {
    const casey = await clientWith({ phone: "+44 7700 900123", messageChannel: "sms", smsConsent: true });
    const { outcome, rows } = await bookAndTell(casey, "2027-05-10T13:00:00Z", new Date("2027-05-01T10:00:00Z"), false);
    expect(outcome).toBe("email queued; sms skipped: SMS not configured");
    expect(rows).toMatchObject([
      { channel: "email", status: "pending", toAddress: "client@demo.test" },
      { channel: "sms", status: "skipped", lastError: "SMS not configured" },
    ]);
    // A text queued while SMS was on, sent after it was switched off: skipped with the same words.
    const later = await bookAndTell(casey, "2027-05-11T13:00:00Z", new Date("2027-05-01T10:00:00Z"));
    expect(await sendOutboxSms(t.db, later.rows[0]!.id, null)).toBe("skipped: SMS not configured");
  });
});

describe("quiet hours", () => {
  it("are a clinic setting: both times or neither, never of no length (400 naming the field)", async () => {
    const current = await getClinicSettings(t.db, admin);
    const { id: _id, ...body } = current;
    const refused = async (start: number | null, end: number | null) => {
      try {
        await updateClinicSettings(t.db, admin, { ...body, smsQuietStartMinute: start, smsQuietEndMinute: end });
      } catch (e) {
        return Object.keys((e as AppError).fieldErrors ?? {});
      }
      return [];
    };
    expect(await refused(1200, null)).toEqual(["smsQuietEndMinute"]);
    expect(await refused(null, 480)).toEqual(["smsQuietStartMinute"]);
    expect(await refused(480, 480)).toEqual(["smsQuietEndMinute"]);
    const saved = await updateClinicSettings(t.db, admin, {
      ...body,
      smsQuietStartMinute: 1200,
      smsQuietEndMinute: 480,
    });
    expect(saved).toMatchObject({ smsQuietStartMinute: 1200, smsQuietEndMinute: 480 });
  });

  it("holds a text due in the clinic's quiet hours until they end (clinic time); the email goes at once", async () => {
    await t.db
      .update(clinics)
      .set({ smsQuietStartMinute: 20 * 60, smsQuietEndMinute: 8 * 60 })
      .where(eq(clinics.id, admin.clinicId));
    const casey = await clientWith({ phone: "+44 7700 900123", messageChannel: "both", smsConsent: true });
    // 21:30 BST on 1 May 2027 (20:30Z) is inside 20:00–08:00: the text waits for 08:00 BST (07:00Z) on 2 May.
    const evening = await bookAndTell(casey, "2027-05-12T13:00:00Z", new Date("2027-05-01T20:30:00Z"));
    const sms = evening.rows.find((r) => r.channel === "sms")!;
    const email = evening.rows.find((r) => r.channel === "email")!;
    expect((await smsJobOf(sms.id)).runAt.toISOString()).toBe("2027-05-02T07:00:00.000Z");
    const emailJob = (await t.db.select().from(jobs).where(eq(jobs.dedupeKey, email.id)))[0]!;
    expect(emailJob.runAt.getTime()).toBeLessThan(Date.now() + 1000);
    // 07:59 the next morning is still quiet (ends that same morning); 08:00 is not.
    const early = await bookAndTell(casey, "2027-05-13T13:00:00Z", new Date("2027-05-02T06:59:00Z"));
    expect((await smsJobOf(early.rows.find((r) => r.channel === "sms")!.id)).runAt.toISOString()).toBe(
      "2027-05-02T07:00:00.000Z",
    );
    const day = await bookAndTell(casey, "2027-05-14T13:00:00Z", new Date("2027-05-02T07:00:00Z"));
    expect((await smsJobOf(day.rows.find((r) => r.channel === "sms")!.id)).runAt.getTime()).toBeLessThan(
      Date.now() + 1000,
    );
    await t.db
      .update(clinics)
      .set({ smsQuietStartMinute: null, smsQuietEndMinute: null })
      .where(eq(clinics.id, admin.clinicId));
  });
});
