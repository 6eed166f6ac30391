import "server-only";
import { notifyClient } from "@/lib/scheduling/appointments/client-notice";
import { and, eq, gt, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { portalPolicy, selectMyAppointments, toPortalDto } from "./portal-appointments";
import { searchOnlineSlots } from "./slot-search";
import type { BookedDto, PortalBookInput } from "./schemas";
import { sendIntakeFormsOnFirstBooking } from "@/lib/forms/intake";
import { MESSAGES, assertMayBook, MAX_UPCOMING } from "./booking-checks";

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
