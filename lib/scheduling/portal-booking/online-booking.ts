import "server-only";
import { notifyClient } from "@/lib/scheduling/appointments/client-notice";
import { and, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, notFound } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { portalPolicy, selectMyAppointments, toPortalDto } from "./portal-appointments";
import { onlineTypesWithTherapists, searchOnlineSlots, slotsByDay, type OnlineType } from "./slot-search";
import type { BookedDto, BookingOptionsDto, PortalBookInput, PortalSlotsDto } from "./schemas";
import { sendIntakeFormsOnFirstBooking } from "@/lib/forms/intake";

/** One wording for every refusal, so a flagged client learns nothing about why. */
export const CALL_TO_BOOK = "Please call the clinic to book.";
export const MESSAGES = {
  clinicOff: (clinic: string) => `${clinic} does not take bookings online. ${CALL_TO_BOOK}`,
  unavailable: `Online booking isn't available at the moment. ${CALL_TO_BOOK}`,
  typeNotOnline: `This kind of appointment can't be booked online. ${CALL_TO_BOOK}`,
  tooMany: (n: number) => `You already have ${n} upcoming appointments. Please call the clinic to book more.`,
  slotGone: "Sorry, that time is no longer free. Please choose another time.",
  overlapsOwn: "You already have an appointment at that time. Please choose another time.",
  keyReused: "This booking request was already used for a different booking. Please refresh the page and try again.",
};

/** A client may hold this many upcoming appointments before the portal sends them to the phone. */
export const MAX_UPCOMING = 6;

/** Why this client may not book online now, or null. The flag's reason is never passed on. */
function refusal(policy: Awaited<ReturnType<typeof portalPolicy>>): string | null {
  if (!policy.onlineBooking) return MESSAGES.clinicOff(policy.name);
  if (policy.flagged) return MESSAGES.unavailable;
  return null;
}

async function onlineTypeOrThrow(db: Db, actor: Actor, typeId: string): Promise<OnlineType> {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, typeId), isNull(appointmentTypes.archivedAt)),
    );
  if (!type) throw notFound("That appointment type");
  return type;
}

/** What the client may book: the clinic's online types with who offers them, or why not. */
export async function getBookingOptions(db: Db, actor: Actor): Promise<BookingOptionsDto> {
  assertCan(actor, "portal.self");
  const policy = await portalPolicy(db, actor);
  const base = {
    clinicName: policy.name,
    timeZone: actor.clinicTimezone,
    cancellationNoticeHours: policy.cancellationNoticeHours,
  };
  const message = refusal(policy);
  if (message) return { ...base, canBook: false, message, types: [] };
  const types = await onlineTypesWithTherapists(db, actor);
  const withTherapists = types.filter((t) => t.therapists.length > 0);
  return withTherapists.length === 0
    ? { ...base, canBook: false, message: `Nothing can be booked online just now. ${CALL_TO_BOOK}`, types: [] }
    : { ...base, canBook: true, message: null, types: withTherapists };
}

export async function assertMayBook(db: Db, actor: Actor, typeId: string) {
  const type = await onlineTypeOrThrow(db, actor, typeId);
  const policy = await portalPolicy(db, actor);
  const message = refusal(policy);
  if (message) throw conflict(message);
  if (!type.bookableOnline) throw conflict(MESSAGES.typeNotOnline);
  return { type, policy };
}

/** Free slots over the next `days` days, grouped by clinic-local date. */
export async function listPortalSlots(
  db: Db,
  actor: Actor,
  typeId: string,
  q: { therapistId?: string; days: number },
  now = new Date(),
): Promise<PortalSlotsDto> {
  assertCan(actor, "portal.self");
  const { type } = await assertMayBook(db, actor, typeId);
  const to = new Date(now.getTime() + q.days * 86_400_000);
  const slots = await searchOnlineSlots(db, actor, type, {
    from: now,
    to,
    now,
    therapistId: q.therapistId,
    limit: q.days * 48,
  });
  return slotsByDay(slots, actor.clinicTimezone);
}

/** The appointment a key already made, if any, with what was asked for it. */
async function findByKey(db: Db, actor: Actor, key: string) {
  const [row] = await db
    .select({
      id: appointments.id,
      typeId: appointments.typeId,
      therapistUserId: appointments.therapistUserId,
      startsAt: appointments.startsAt,
    })
    .from(appointments)
    .where(and(clinicScope(actor, appointments), eq(appointments.idempotencyKey, key)));
  return row ?? null;
}

/**
 * A retry of the same request returns the first booking; the same key with a different
 * request (another type, therapist or time) is refused, never answered with the old booking.
 */
async function replay(
  db: Db,
  actor: Actor,
  key: string,
  input: PortalBookInput,
  noticeHours: number,
): Promise<BookedDto | null> {
  const earlier = await findByKey(db, actor, key);
  if (!earlier) return null;
  const same =
    earlier.typeId === input.typeId &&
    earlier.startsAt.getTime() === new Date(input.startsAt).getTime() &&
    (!input.therapistId || earlier.therapistUserId === input.therapistId);
  if (!same) throw conflict(MESSAGES.keyReused);
  const [row] = await selectMyAppointments(db, actor, eq(appointments.id, earlier.id));
  return row ? { appointment: toPortalDto(row, noticeHours, new Date()), replayed: true } : null;
}

/** The client's active appointments that have not ended yet. */
function upcomingOf(db: Db, actor: Actor, clientId: string, now: Date) {
  return db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        clinicScope(actor, appointments),
        eq(appointments.clientId, clientId),
        inArray(appointments.status, ["booked", "arrived"]),
        gt(appointments.endsAt, now),
      ),
    );
}

/**
 * Books the client's own appointment. The time must be one the slot finder offers now (inside
 * working hours, free, with a room when needed); the database's exclusion constraints still
 * settle a race with another booking. A retry with the same key returns the first booking.
 * The limit on upcoming appointments and the client's own overlaps are checked with the
 * client's row locked, so parallel requests of one client are counted one after another.
 */
export async function bookOnline(db: Db, actor: Actor, input: PortalBookInput, now = new Date()): Promise<BookedDto> {
  assertCan(actor, "portal.self");
  const { clientId, cancellationNoticeHours } = await portalPolicy(db, actor);
  // Namespaced per client: two clients who happened to send the same key never meet.
  const key = `portal:${clientId}:${input.idempotencyKey}`;
  const earlier = await replay(db, actor, key, input, cancellationNoticeHours);
  if (earlier) return earlier;
  try {
    return await bookNew(db, actor, input, { clientId, cancellationNoticeHours, key }, now);
  } catch (err) {
    // Parallel retries of one request: whichever commits first makes the booking, and the others
    // then find its slot taken (or the upcoming cap reached) by it. Before answering 409, look
    // for the key again: if our own request booked it, every retry gets that same booking.
    if ((err instanceof AppError && err.code === "CONFLICT") || sqlState(err) === "23505") {
      const again = await replay(db, actor, key, input, cancellationNoticeHours);
      if (again) return again;
    }
    throw err;
  }
}

async function bookNew(
  db: Db,
  actor: Actor,
  input: PortalBookInput,
  { clientId, cancellationNoticeHours, key }: { clientId: string; cancellationNoticeHours: number; key: string },
  now: Date,
): Promise<BookedDto> {
  const { type } = await assertMayBook(db, actor, input.typeId);
  // A quick answer before the slot search; the count that counts is the one in the transaction.
  const upcoming = await upcomingOf(db, actor, clientId, now);
  if (upcoming.length >= MAX_UPCOMING) throw conflict(MESSAGES.tooMany(upcoming.length));

  const startsAt = new Date(input.startsAt);
  const [slot] = await searchOnlineSlots(db, actor, type, {
    from: startsAt,
    to: new Date(startsAt.getTime() + 60_000),
    now,
    therapistId: input.therapistId ?? null,
    limit: 1,
  });
  if (!slot || slot.start.getTime() !== startsAt.getTime()) throw conflict(MESSAGES.slotGone);
  const blocksUntil = new Date(slot.end.getTime() + type.bufferAfterMin * 60_000);
  try {
    const id = await db.transaction(async (tx) => {
      await tx
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)))
        .for("update");
      // A parallel retry with this key may have committed while we waited for the lock.
      if (await findByKey(tx, actor, key)) return null;
      const held = await upcomingOf(tx, actor, clientId, now);
      if (held.length >= MAX_UPCOMING) throw conflict(MESSAGES.tooMany(held.length));
      const [overlap] = await tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            clinicScope(actor, appointments),
            eq(appointments.clientId, clientId),
            inArray(appointments.status, ["booked", "arrived"]),
            lt(appointments.startsAt, slot.end),
            gt(appointments.endsAt, startsAt),
          ),
        )
        .limit(1);
      if (overlap) throw conflict(MESSAGES.overlapsOwn);
      const [created] = await tx
        .insert(appointments)
        .values({
          clinicId: actor.clinicId,
          clientId,
          therapistUserId: slot.therapistId,
          roomId: slot.roomId,
          typeId: type.id,
          startsAt,
          endsAt: slot.end,
          blocksUntil,
          idempotencyKey: key,
          bookedVia: "portal",
          createdBy: actor.userId,
        })
        .returning({ id: appointments.id });
      await recordEvent(tx, actor, {
        action: "appointment.booked",
        entityType: "appointment",
        entityId: created!.id,
        details: { via: "portal" },
      });
      // A new client's first booking sends the intake forms (health history, consent).
      await sendIntakeFormsOnFirstBooking(tx, actor, clientId, created!.id);
      await notifyClient(tx, { clinicId: actor.clinicId, appointmentId: created!.id, event: "booked" });
      return created!.id;
    });
    if (id === null) {
      const again = await replay(db, actor, key, input, cancellationNoticeHours);
      if (again) return again;
      throw conflict(MESSAGES.slotGone);
    }
    const [row] = await selectMyAppointments(db, actor, eq(appointments.id, id));
    return { appointment: toPortalDto(row!, cancellationNoticeHours, now), replayed: false };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const state = sqlState(err);
    if (state === "23505") {
      const again = await replay(db, actor, key, input, cancellationNoticeHours);
      if (again) return again;
    }
    if (state === "23P01") throw conflict(MESSAGES.slotGone);
    throw err;
  }
}
