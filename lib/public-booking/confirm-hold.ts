import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, bookingHolds, clients, invitations, users } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { clinicFormat } from "@/lib/format/clinic-format";
import { conflict, notFound } from "@/lib/http/errors";
import { sqlState } from "@/lib/http/respond";
import { publicClinicById, type PublicClinic } from "./public-clinic";
import type { ConfirmationDto } from "./schemas";

type HoldRow = typeof bookingHolds.$inferSelect;

const WORDS = {
  held: "Your time is held. Confirm to book it.",
  expired: "This link has expired and the time was released. Please choose a time again.",
  confirmed: "You're booked. We have emailed you the details.",
  awaiting_clinic: "Thank you. The clinic will confirm your appointment by email.",
  declined: "The clinic could not offer this time. Please choose another time or call the clinic.",
  released: "This request was withdrawn.",
} as const;

async function holdByToken(db: Db, token: string, lock = false) {
  const q = db
    .select()
    .from(bookingHolds)
    .where(eq(bookingHolds.tokenHash, hashToken(token)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("That booking link");
  return row;
}

async function describe(db: Db, hold: HoldRow, clinic: PublicClinic, now: Date): Promise<ConfirmationDto> {
  const [names] = await db
    .select({ typeName: appointmentTypes.name, therapistName: users.name })
    .from(appointmentTypes)
    .innerJoin(users, eq(users.id, hold.therapistUserId))
    .where(and(eq(appointmentTypes.clinicId, hold.clinicId), eq(appointmentTypes.id, hold.typeId)));
  const state = hold.status === "held" && hold.expiresAt <= now ? "expired" : hold.status;
  return {
    clinicName: clinic.name,
    timeZone: clinic.timezone,
    locale: clinic.locale,
    state,
    startsAt: hold.startsAt.toISOString(),
    endsAt: hold.endsAt.toISOString(),
    typeName: names?.typeName ?? "",
    therapistName: names?.therapistName ?? "",
    expiresAt: hold.expiresAt.toISOString(),
    message: WORDS[state],
  };
}

/** What a confirmation link is about (the page shows it before the visitor confirms). */
export async function getConfirmation(db: Db, token: string, now = new Date()): Promise<ConfirmationDto> {
  const hold = await holdByToken(db, token);
  return describe(db, hold, await publicClinicById(db, hold.clinicId), now);
}

/**
 * The client this confirmed address belongs to: the clinic's oldest live record with that email,
 * or a new record marked self-booked. Reached only through the emailed link, so the address is
 * verified; the visitor's typed name never overwrites an existing record.
 */
async function clientFor(tx: Db, hold: HoldRow, now: Date): Promise<{ id: string; isNew: boolean; hasLogin: boolean }> {
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
 * Confirms a hold by its emailed link: finds or makes the client, then books the appointment
 * (or, when the clinic wants to accept each request, leaves it awaiting a therapist) in one
 * transaction with the hold row locked. A second confirmation (double click, a mail scanner and
 * the person) answers with the same outcome and books nothing more.
 */
export async function confirmHold(db: Db, token: string, baseUrl: string, now = new Date()): Promise<ConfirmationDto> {
  const first = await holdByToken(db, token);
  const clinic = await publicClinicById(db, first.clinicId);
  try {
    const hold = await db.transaction(async (tx) => {
      const hold = await holdByToken(tx, token, true);
      if (hold.status !== "held") return hold;
      if (hold.expiresAt <= now) throw conflict(WORDS.expired);
      const client = await clientFor(tx, hold, now);
      const f = clinicFormat({ locale: clinic.locale, timeZone: clinic.timezone });
      const when = `${f.at(hold.startsAt, "dateTimeFull")} (${f.zoneName(hold.startsAt)})`;
      if (clinic.requiresApproval) {
        const [updated] = await tx
          .update(bookingHolds)
          .set({ status: "awaiting_clinic", clientId: client.id, confirmedAt: now })
          .where(and(eq(bookingHolds.clinicId, hold.clinicId), eq(bookingHolds.id, hold.id)))
          .returning();
        await enqueueEmail(tx, {
          clinicId: clinic.id,
          to: hold.email,
          kind: "public_booking.requested",
          subject: `Your request to ${clinic.name}`,
          text: `Hello ${hold.firstName},\n\nThank you: ${clinic.name} has your request for ${when}. A therapist will confirm it by email.`,
        });
        await recordEvent(
          tx,
          { clinicId: clinic.id, userId: null },
          {
            action: "booking.requested",
            entityType: "booking_hold",
            entityId: hold.id,
            details: { clientId: client.id },
          },
        );
        return updated!;
      }
      // The hold stops counting before the appointment takes its place (the guard ignores confirmed holds).
      await tx
        .update(bookingHolds)
        .set({ status: "confirmed", clientId: client.id, confirmedAt: now })
        .where(and(eq(bookingHolds.clinicId, hold.clinicId), eq(bookingHolds.id, hold.id)));
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
          createdBy: null,
        })
        .returning({ id: appointments.id });
      const [updated] = await tx
        .update(bookingHolds)
        .set({ appointmentId: appt!.id })
        .where(and(eq(bookingHolds.clinicId, hold.clinicId), eq(bookingHolds.id, hold.id)))
        .returning();
      await recordEvent(
        tx,
        { clinicId: clinic.id, userId: null },
        {
          action: "appointment.booked",
          entityType: "appointment",
          entityId: appt!.id,
          details: { via: "public", clientId: client.id },
        },
      );
      await enqueueEmail(tx, {
        clinicId: clinic.id,
        to: hold.email,
        kind: "appointment.booked",
        subject: `Booked: ${clinic.name}, ${f.at(hold.startsAt, "weekdayTime")}`,
        text:
          `Hello ${hold.firstName},\n\nYou're booked at ${clinic.name} on ${when}.\n\nTo cancel or change, ` +
          `please give at least ${clinic.cancellationNoticeHours} hours' notice.`,
      });
      if (!client.hasLogin) await invite(tx, clinic, hold, client.id, baseUrl, now);
      return updated!;
    });
    return describe(db, hold, clinic, now);
  } catch (err) {
    if (sqlState(err) === "23P01") throw conflict("Sorry, that time is no longer free. Please choose another time.");
    throw err;
  }
}
