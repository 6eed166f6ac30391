import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { appointmentTypes, auditEvents, clients, emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { sendDueReminder } from "@/lib/messaging/reminders/reminders";
import { getClientMessagePreferences } from "./message-preferences/get-client-message-preferences";
import { getMyMessagePreferences } from "./message-preferences/get-my-message-preferences";
import { setClientMessagePreferences } from "./message-preferences/set-client-message-preferences";
import { setMyMessagePreferences } from "./message-preferences/set-my-message-preferences";
import { sendAppointmentMessage } from "./appointment-messages";
import { listClientMessages } from "./client-message-log";

let t: TestDb;
let admin: Actor;
let therapist: Actor;
let portal: Actor;
let other: Actor;
let casey: string;
let typeId: string;

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, fields: Object.keys(e.fieldErrors ?? {}) };
    throw e;
  }
  throw new Error("expected a refusal");
};

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  therapist = await actorFor(t.db, "therapist@demo.test");
  portal = await actorFor(t.db, "client@demo.test");
  other = await actorFor(t.db, "admin@other.test", "other-clinic");
  casey = await clientIdByName(t.db, "Casey", "Client");
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Follow-up", durationMin: 45, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
});
afterAll(() => t?.close());

describe("message preferences and SMS consent", () => {
  it("starts as email without consent, and shows the number texts would go to in E.164", async () => {
    await t.db.update(clients).set({ phone: "07700 900321" }).where(eq(clients.id, casey));
    expect(await getClientMessagePreferences(t.db, admin, casey)).toMatchObject({
      channel: "email",
      smsConsent: false,
      smsConsentAt: null,
      smsConsentSource: null,
      phone: "07700 900321",
      smsNumber: "+447700900321",
      hasEmail: true,
    });
  });

  it("refuses SMS without consent or without a mobile number (400 naming the field), writing nothing", async () => {
    expect(
      await refusal(setClientMessagePreferences(t.db, admin, casey, { channel: "both", smsConsent: false })),
    ).toEqual({ code: "INVALID", fields: ["smsConsent"] });
    await t.db.update(clients).set({ phone: "020 7946 0018" }).where(eq(clients.id, casey));
    expect(
      await refusal(setClientMessagePreferences(t.db, admin, casey, { channel: "both", smsConsent: true })),
    ).toEqual({ code: "INVALID", fields: ["channel"] });
    expect((await getClientMessagePreferences(t.db, admin, casey)).channel).toBe("email");
    // The database refuses a text preference without consent too.
    await expect(
      t.db.update(clients).set({ messageChannel: "sms", smsConsent: false }).where(eq(clients.id, casey)),
    ).rejects.toThrow();
  });

  it("records consent with time and source (staff, then the client in the portal), and each change in the audit log", async () => {
    await t.db.update(clients).set({ phone: "+44 7700 900321" }).where(eq(clients.id, casey));
    const before = Date.now();
    const staff = await setClientMessagePreferences(t.db, therapist, casey, { channel: "both", smsConsent: true });
    expect(staff).toMatchObject({ channel: "both", smsConsent: true, smsConsentSource: "staff" });
    expect(Date.parse(staff.smsConsentAt!)).toBeGreaterThanOrEqual(before - 1000);
    // Changing only the channel keeps the consent's time and source.
    const same = await setClientMessagePreferences(t.db, admin, casey, { channel: "email", smsConsent: true });
    expect(same.smsConsentAt).toBe(staff.smsConsentAt);
    // The client withdraws consent in the portal: stamped with source "portal".
    const mine = await setMyMessagePreferences(t.db, portal, { channel: "none", smsConsent: false });
    expect(mine).toMatchObject({ channel: "none", smsConsent: false, smsConsentSource: "portal" });
    expect(await getMyMessagePreferences(t.db, portal)).toEqual(mine);
    const events = await t.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, casey), eq(auditEvents.action, "client.message_preferences_changed")))
      .orderBy(desc(auditEvents.seq));
    expect(events.map((e) => e.details)).toEqual([
      { channel: "none", previousChannel: "email", smsConsent: false, source: "portal" },
      { channel: "email", previousChannel: "both" },
      { channel: "both", previousChannel: "email", smsConsent: true, source: "staff" },
    ]);
  });

  it("keeps other clinics out (404) and clients to their own record", async () => {
    expect(await refusal(getClientMessagePreferences(t.db, other, casey))).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(setClientMessagePreferences(t.db, other, casey, { channel: "email", smsConsent: false })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(getClientMessagePreferences(t.db, portal, casey))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(getMyMessagePreferences(t.db, admin))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("messages honour the preference", () => {
  async function book(startsAt: string) {
    const { appointment } = await bookAppointment(t.db, admin, {
      clientId: casey,
      therapistUserId: therapist.userId,
      typeId,
      roomId: null,
      startsAt,
    });
    return appointment;
  }
  const rowsOf = (appointmentId: string) =>
    t.db.select().from(emailOutbox).where(eq(emailOutbox.appointmentId, appointmentId));

  it("'none' stops the reminder, and the booking confirmation still goes by email", async () => {
    await t.db.update(clients).set({ messageChannel: "none", smsConsent: false }).where(eq(clients.id, casey));
    const appt = await book(new Date(Date.now() + 20 * 3_600_000).toISOString().slice(0, 14) + "00:00.000Z");
    const opts = { baseUrl: "https://clinic.example", smsOn: true };
    await sendAppointmentMessage(t.db, { clinicId: admin.clinicId, appointmentId: appt.id, event: "booked" }, opts);
    expect(
      await sendDueReminder(
        t.db,
        { clinicId: admin.clinicId, appointmentId: appt.id, startsAt: new Date(appt.startsAt).toISOString() },
        opts,
      ),
    ).toBe("skipped: client chose no reminders");
    expect((await rowsOf(appt.id)).map((r) => [r.kind, r.channel, r.status])).toEqual([
      ["appointment.booked", "email", "pending"],
    ]);
  });

  it("'sms' without SMS set up falls back to email for the reminder, and the log shows both channels", async () => {
    await t.db
      .update(clients)
      .set({ messageChannel: "sms", smsConsent: true, phone: "+44 7700 900321" })
      .where(eq(clients.id, casey));
    const appt = await book(new Date(Date.now() + 21 * 3_600_000).toISOString().slice(0, 14) + "00:00.000Z");
    const outcome = await sendDueReminder(
      t.db,
      { clinicId: admin.clinicId, appointmentId: appt.id, startsAt: new Date(appt.startsAt).toISOString() },
      { baseUrl: "https://clinic.example", smsOn: false },
    );
    expect(outcome).toBe("email queued; sms skipped: SMS not configured");
    const log = await listClientMessages(t.db, admin, casey);
    expect(log.messages.slice(0, 2).map((m) => [m.label, m.channel, m.status, m.reason])).toEqual(
      expect.arrayContaining([
        ["Reminder", "email", "pending", null],
        ["Reminder", "sms", "skipped", "SMS not configured"],
      ]),
    );
  });
});
