import "server-only";
import { notifyClient } from "@/lib/scheduling/appointments/client-notice";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, bookingHolds, clients, invitations } from "@/db/schema";
import { recordEvent, type AuditActor } from "@/lib/audit/record-event";
import { newToken } from "@/lib/identity/tokens";
import { config } from "@/lib/config";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { clinicFormat } from "@/lib/format/clinic-format";
import type { PublicClinic } from "./public-clinic";
import { sendIntakeFormsOnFirstBooking } from "@/lib/forms/intake";

type HoldRow = typeof bookingHolds.$inferSelect;

/**
 * The client this confirmed address belongs to: the clinic's oldest live record with that email,
 * or a new record marked self-booked. Reached only through the emailed link, so the address is
 * verified; the visitor's typed name never overwrites an existing record.
 */
export async function clientFor(
  tx: Db,
  hold: HoldRow,
  now: Date,
): Promise<{ id: string; isNew: boolean; hasLogin: boolean }> {
  const [found] = await tx
    .select({ id: clients.id, userId: clients.userId })
    .from(clients)
    .where(
      and(
        eq(clients.clinicId, hold.clinicId),
        sql`lower(${clients.email}) = ${hold.email}`,
        isNull(clients.archivedAt),
      ),
    )
    .orderBy(asc(clients.createdAt))
    .limit(1);
  if (found) return { id: found.id, isNew: false, hasLogin: found.userId !== null };
  const [created] = await tx
    .insert(clients)
    .values({
      clinicId: hold.clinicId,
      firstName: hold.firstName,
      lastName: hold.lastName,
      dateOfBirth: hold.dateOfBirth,
      email: hold.email,
      phone: hold.phone,
      selfBookedAt: now,
    })
    .returning({ id: clients.id });
  await recordEvent(
    tx,
    { clinicId: hold.clinicId, userId: null },
    { action: "client.created", entityType: "client", entityId: created!.id, details: { via: "public_booking" } },
  );
  return { id: created!.id, isNew: true, hasLogin: false };
}

/** A portal invitation for a new client (nobody signed in sent it, so invited_by is null). */
async function invite(tx: Db, clinic: PublicClinic, hold: HoldRow, clientId: string, baseUrl: string, now: Date) {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(now.getTime() + config().INVITATION_TTL_HOURS * 3_600_000);
  const [row] = await tx
    .insert(invitations)
    .values({ clinicId: clinic.id, kind: "client", email: hold.email, role: "client", clientId, tokenHash, expiresAt })
    .returning({ id: invitations.id });
  const f = clinicFormat({ locale: clinic.locale, timeZone: clinic.timezone });
  await enqueueEmail(tx, {
    clinicId: clinic.id,
    to: hold.email,
    kind: "invitation.client",
    subject: `${clinic.name} invites you to Knotwork`,
    text:
      `Hello ${hold.firstName},\n\n${clinic.name} uses Knotwork for appointments and home care. Open this link to ` +
      `set a password for your portal, where you can see, book and cancel appointments:\n${baseUrl}/invite/${token}\n\n` +
      `The link works once and expires on ${f.at(expiresAt, "dateTimeFull")}.`,
  });
  await recordEvent(
    tx,
    { clinicId: clinic.id, userId: null },
    {
      action: "invitation.created",
      entityType: "invitation",
      entityId: row!.id,
      details: { kind: "client", clientId },
    },
  );
}

/**
 * Turns a hold into the appointment, inside the caller's transaction with the hold locked: the
 * hold stops counting first (the guard ignores confirmed holds), then the appointment takes its
 * place under the same guards as any booking. Emails the confirmation and, for a client without a
 * portal login, an invitation. `by` is nobody (the emailed link) or the therapist who accepted.
 */
export async function bookFromHold(
  tx: Db,
  clinic: PublicClinic,
  hold: HoldRow,
  client: { id: string; hasLogin: boolean },
  ctx: { baseUrl: string; now: Date; by: AuditActor },
): Promise<HoldRow> {
  const mine = and(eq(bookingHolds.clinicId, hold.clinicId), eq(bookingHolds.id, hold.id));
  await tx
    .update(bookingHolds)
    .set({ status: "confirmed", clientId: client.id, confirmedAt: hold.confirmedAt ?? ctx.now })
    .where(mine);
  const [appt] = await tx
    .insert(appointments)
    .values({
      clinicId: hold.clinicId,
      clientId: client.id,
      therapistUserId: hold.therapistUserId,
      roomId: hold.roomId,
      typeId: hold.typeId,
      startsAt: hold.startsAt,
      endsAt: hold.endsAt,
      blocksUntil: hold.blocksUntil,
      idempotencyKey: `public:${hold.id}`,
      bookedVia: "public",
      createdBy: ctx.by.userId,
    })
    .returning({ id: appointments.id });
  const [updated] = await tx.update(bookingHolds).set({ appointmentId: appt!.id }).where(mine).returning();
  await recordEvent(tx, ctx.by, {
    action: "appointment.booked",
    entityType: "appointment",
    entityId: appt!.id,
    details: { via: "public", clientId: client.id },
  });
  // A new client's first booking sends the intake forms (health history, consent). Booked by the
  // emailed link there is nobody signed in: the clinic's copies of the forms are made in the
  // therapist's name.
  await sendIntakeFormsOnFirstBooking(
    tx,
    { clinicId: hold.clinicId, userId: ctx.by.userId ?? hold.therapistUserId },
    client.id,
    appt!.id,
  );
  // The confirmation (HTML, text and .ics, with the signed link) is written by the message job.
  await notifyClient(tx, { clinicId: clinic.id, appointmentId: appt!.id, event: "booked" });
  if (!client.hasLogin) await invite(tx, clinic, hold, client.id, ctx.baseUrl, ctx.now);
  return updated!;
}
