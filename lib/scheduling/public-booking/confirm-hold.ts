import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, bookingHolds, users } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";
import { hashToken } from "@/lib/identity/tokens";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { clinicFormat } from "@/lib/format/clinic-format";
import { conflict, notFound } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { publicClinicById, type PublicClinic } from "./public-clinic";
import { bookFromHold, clientFor } from "./book-from-hold";
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
      return bookFromHold(tx, clinic, hold, client, { baseUrl, now, by: { clinicId: clinic.id, userId: null } });
    });
    return describe(db, hold, clinic, now);
  } catch (err) {
    if (sqlState(err) === "23P01") throw conflict("Sorry, that time is no longer free. Please choose another time.");
    throw err;
  }
}
