import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointmentTypes, clients, clinics, emailOutbox, messageLinks } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { AppError } from "@/lib/errors";
import { sendDueReminder } from "@/lib/messaging/reminders/reminders";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { cancelManagedAppointment, getManagedAppointment } from "./manage-appointment";
import { verifyManageToken } from "./manage-link";
import { gsmLength, segments } from "@/lib/delivery/rules/sms-text";
import { resolveShortLink } from "./short-link";

/** A production-like address, longer than localhost: the text must fit with it. */
const BASE = "https://knotwork.northside-clinic.co.uk";
let t: TestDb;
let admin: Actor;
let casey: string;
let typeId: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  casey = await clientIdByName(t.db, "Casey", "Client");
  // A typical clinic name and type, and a client who chose texts.
  await t.db.update(clinics).set({ name: "Northside Trigger Point Clinic" }).where(eq(clinics.id, admin.clinicId));
  await t.db
    .update(clients)
    .set({ messageChannel: "sms", smsConsent: true, smsConsentAt: new Date(), phone: "+44 7700 900321" })
    .where(eq(clients.id, casey));
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Follow-up treatment", durationMin: 45, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
});
afterAll(() => t?.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("the short link in a reminder text", () => {
  it("keeps the reminder to one 160-character GSM-7 segment, and opens the signed link until the appointment starts", async () => {
    // Two days ahead at 10:00 UTC: outside the notice period, so the link may cancel.
    const day = new Date(Date.now() + 2 * 86_400_000);
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10));
    const { appointment } = await bookAppointment(t.db, admin, {
      clientId: casey,
      therapistUserId: (await actorFor(t.db, "therapist@demo.test")).userId,
      typeId,
      roomId: null,
      startsAt: startsAt.toISOString(),
    });
    const outcome = await sendDueReminder(
      t.db,
      { clinicId: admin.clinicId, appointmentId: appointment.id, startsAt: startsAt.toISOString() },
      { baseUrl: BASE, smsOn: true },
    );
    expect(outcome).toMatch(/^sms queued/);
    const [sms] = await t.db
      .select({ text: emailOutbox.bodyText })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.appointmentId, appointment.id), eq(emailOutbox.channel, "sms")));
    const text = sms!.text;
    expect(text).toMatch(/^Reminder: Follow-up treatment with Tara Therapist at Northside Trigger Point Clinic, /);
    expect(gsmLength(text)).toBeLessThanOrEqual(160);
    expect(segments(text)).toBe(1);
    const token = new RegExp(`${BASE.replace(/\./g, "\\.")}/m/([\\w-]{12})$`).exec(text)![1]!;

    // Only the token's hash is stored.
    const stored = await t.db.select().from(messageLinks).where(eq(messageLinks.appointmentId, appointment.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);

    // It stands for the signed link: same appointment, same expiry, and that link does the rest.
    const signed = (await resolveShortLink(t.db, token))!;
    expect(verifyManageToken(signed)).toEqual({
      clinicId: admin.clinicId,
      appointmentId: appointment.id,
      expiresAt: startsAt,
    });
    expect(await getManagedAppointment(t.db, signed)).toMatchObject({ status: "booked", canCancel: true });
    // Cancelling happens once, whichever link was followed.
    expect(await cancelManagedAppointment(t.db, signed)).toMatchObject({ status: "cancelled" });
    const again = (await resolveShortLink(t.db, token))!;
    expect(await codeOf(cancelManagedAppointment(t.db, again))).toBe("CONFLICT");

    // It expires when the appointment starts, as the signed link does; unknown and malformed ones are nothing.
    expect(await resolveShortLink(t.db, token, new Date(startsAt.getTime() - 1000))).not.toBeNull();
    expect(await resolveShortLink(t.db, token, startsAt)).toBeNull();
    expect(await resolveShortLink(t.db, "AAAAAAAAAAAA")).toBeNull();
    expect(await resolveShortLink(t.db, `${token}x`)).toBeNull();
    expect(await resolveShortLink(t.db, "../appointment")).toBeNull();
  });
});
