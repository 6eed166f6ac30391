import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingHolds } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";
import { hitAll, type Limit } from "@/lib/identity/rate-limit";
import { newToken } from "@/lib/identity/tokens";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { clinicFormat } from "@/lib/format/clinic-format";
import { AppError, conflict } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { searchOnlineSlots } from "@/lib/scheduling/portal-booking/slot-search";
import { HOLD_MINUTES, publicClinicOrThrow, visitorOf } from "./public-clinic";
import { newClientTypeOrThrow } from "./public-options";
import type { HoldDto, HoldInput } from "./schemas";

export const HOLD_MESSAGES = {
  sent: (minutes: number) =>
    `We have held this time for ${minutes} minutes and sent a link to your email address. Open it to confirm your booking.`,
  slotGone: "Sorry, that time is no longer free. Please choose another time.",
  tooManyHolds: "A time is already held for this email address. Confirm it from your email, or wait a few minutes.",
  rateLimited: "Too many booking requests just now. Please wait a while and try again, or call the clinic.",
};

/** Live holds one email address may have at a time in one clinic. */
export const MAX_LIVE_HOLDS_PER_EMAIL = 1;
const HOUR = 3_600_000;
/** Per network address, per email address and per clinic, in an hour (lib/identity/rate-limit.ts counters). */
export const HOLD_LIMITS = { address: 10, email: 5, clinic: 120 };

function holdLimits(clinicId: string, email: string, address: string | null): Limit[] {
  const limits: Limit[] = [
    { key: `book:email:${clinicId}:${email}`, limit: HOLD_LIMITS.email, windowMs: HOUR },
    { key: `book:clinic:${clinicId}`, limit: HOLD_LIMITS.clinic, windowMs: HOUR },
  ];
  if (address) limits.push({ key: `book:address:${address}`, limit: HOLD_LIMITS.address, windowMs: HOUR });
  return limits;
}

/**
 * Holds a slot for a visitor of the public page and emails them a single-use confirmation link.
 * The answer is the same whether the address belongs to a client, is new, or the request was a
 * bot's (honeypot filled): nothing here reveals who is a client. The database's guard (migration
 * 0027) settles a race for the slot: of many simultaneous holds exactly one is made.
 */
export async function holdSlot(
  db: Db,
  slug: string,
  input: HoldInput,
  ctx: { baseUrl: string; address: string | null; now?: Date },
): Promise<HoldDto> {
  const now = ctx.now ?? new Date();
  const clinic = await publicClinicOrThrow(db, slug);
  const hits = await hitAll(db, holdLimits(clinic.id, input.email, ctx.address), now);
  if (hits.some((h) => !h.allowed)) throw new AppError("RATE_LIMITED", HOLD_MESSAGES.rateLimited);
  const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  const answer = { message: HOLD_MESSAGES.sent(HOLD_MINUTES), expiresAt: expiresAt.toISOString() };
  if (input.website) return answer;

  const type = await newClientTypeOrThrow(db, clinic, input.typeId);
  const startsAt = new Date(input.startsAt);
  const [slot] = await searchOnlineSlots(db, visitorOf(clinic), type, {
    from: startsAt,
    to: new Date(startsAt.getTime() + 60_000),
    now,
    therapistId: input.therapistId ?? null,
    leadMs: clinic.leadHours * HOUR,
    limit: 1,
  });
  if (!slot || slot.start.getTime() !== startsAt.getTime()) throw conflict(HOLD_MESSAGES.slotGone);
  const { token, tokenHash } = newToken();
  try {
    await db.transaction(async (tx) => {
      // One address's holds are counted one request at a time.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`book-email:${clinic.id}:${input.email}`}))`);
      const [live] = await tx
        .select({ n: count() })
        .from(bookingHolds)
        .where(
          and(
            eq(bookingHolds.clinicId, clinic.id),
            eq(bookingHolds.email, input.email),
            eq(bookingHolds.status, "held"),
            gt(bookingHolds.expiresAt, sql`now()`),
          ),
        );
      if (live!.n >= MAX_LIVE_HOLDS_PER_EMAIL) throw conflict(HOLD_MESSAGES.tooManyHolds);
      const [hold] = await tx
        .insert(bookingHolds)
        .values({
          clinicId: clinic.id,
          typeId: type.id,
          therapistUserId: slot.therapistId,
          roomId: slot.roomId,
          startsAt,
          endsAt: slot.end,
          blocksUntil: new Date(slot.end.getTime() + type.bufferAfterMin * 60_000),
          expiresAt,
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone,
          dateOfBirth: input.dateOfBirth,
          reason: input.reason,
          tokenHash,
        })
        .returning({ id: bookingHolds.id });
      const f = clinicFormat({ locale: clinic.locale, timeZone: clinic.timezone });
      const link = `${ctx.baseUrl}/book/confirm/${token}`;
      await enqueueEmail(tx, {
        clinicId: clinic.id,
        to: input.email,
        kind: "public_booking.confirm",
        subject: `Confirm your booking at ${clinic.name}`,
        text:
          `Hello ${input.firstName},\n\nYou asked to book ${type.name} with ${slot.therapistName} at ${clinic.name} on ` +
          `${f.at(startsAt, "dateTimeFull")} (${f.zoneName(startsAt)}).\n\nTo confirm, open this link within ` +
          `${HOLD_MINUTES} minutes:\n${link}\n\nIf you did not ask for this, ignore this email: the time is released ` +
          `on its own and nothing else happens.`,
      });
      // Identifiers only: the visitor's name, address and reason stay out of the trail.
      await recordEvent(
        tx,
        { clinicId: clinic.id, userId: null },
        { action: "booking.held", entityType: "booking_hold", entityId: hold!.id, details: { typeId: type.id } },
      );
    });
  } catch (err) {
    if (sqlState(err) === "23P01") throw conflict(HOLD_MESSAGES.slotGone);
    throw err;
  }
  return answer;
}
