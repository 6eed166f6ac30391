import "server-only";
import { notifyClient } from "./client-notice";
import { HELD_ONLINE, heldOnline } from "./conflict";
import { ACTIVE_STATUSES } from "@/lib/scheduling/rules/statuses";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { overlapping } from "@/lib/scheduling/appointments/overlap";
import { appointments, appointmentTypes, clients, memberships, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { sqlState } from "@/lib/errors";
import { AppError, invalid, notFound } from "@/lib/errors";
import type { AppointmentDto, BookAppointmentInput } from "./schemas";
import { sendIntakeFormsOnFirstBooking } from "@/lib/forms/intake";
import { formatFor } from "@/lib/format/clinic-format";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

const toDto = (r: typeof appointments.$inferSelect): AppointmentDto => ({
  id: r.id,
  clientId: r.clientId,
  therapistUserId: r.therapistUserId,
  roomId: r.roomId,
  typeId: r.typeId,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  status: r.status,
});

async function byIdempotencyKey(db: Db, actor: Actor, key: string) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(clinicScope(actor, appointments), eq(appointments.idempotencyKey, key)));
  return row;
}

export const KEY_REUSED_MESSAGE =
  "This request key was already used for a different booking. Reload and book again (a new key is sent).";

/**
 * The booking an earlier request with this key made, when this request asks for the same thing;
 * a key reused for anything else (another client, therapist, type, room or time) is a 409 —
 * answering it with the first booking would tell the caller a booking exists that they never got.
 */
async function replayByKey(db: Db, actor: Actor, input: BookAppointmentInput) {
  if (!input.idempotencyKey) return undefined;
  const existing = await byIdempotencyKey(db, actor, input.idempotencyKey);
  if (!existing) return undefined;
  const same =
    existing.clientId === input.clientId &&
    existing.therapistUserId === input.therapistUserId &&
    existing.typeId === input.typeId &&
    existing.startsAt.getTime() === new Date(input.startsAt).getTime() &&
    existing.roomId === (input.roomId ?? null);
  if (!same) throw new AppError("CONFLICT", KEY_REUSED_MESSAGE, undefined, { reason: "idempotency_mismatch" });
  return { appointment: toDto(existing), replayed: true };
}

/** Names what is in the way, in the clinic's time zone, for the 409 message. */
async function describeConflict(
  db: Db,
  actor: Actor,
  a: { therapistUserId: string; roomId: string | null; startsAt: Date; blocksUntil: Date },
) {
  const [other] = await db
    .select({
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      therapist: users.name,
      roomId: appointments.roomId,
      therapistUserId: appointments.therapistUserId,
      room: rooms.name,
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.therapistUserId))
    .leftJoin(rooms, and(eq(rooms.clinicId, appointments.clinicId), eq(rooms.id, appointments.roomId)))
    .where(
      and(
        clinicScope(actor, appointments),
        inArray(appointments.status, [...ACTIVE_STATUSES]),
        overlapping(a.startsAt, a.blocksUntil, "blocksUntil"),
        a.roomId
          ? or(eq(appointments.therapistUserId, a.therapistUserId), eq(appointments.roomId, a.roomId))
          : eq(appointments.therapistUserId, a.therapistUserId),
      ),
    )
    .limit(1);
  if (!other) return (await heldOnline(db, actor, a)) ? HELD_ONLINE : "That time is no longer free.";
  const when = formatFor(actor).span(other.startsAt, other.endsAt);
  return other.therapistUserId === a.therapistUserId
    ? `${other.therapist} is already booked ${when}.`
    : `${other.room ?? "That room"} is already booked ${when}.`;
}

/**
 * Books one appointment. The database's exclusion constraints decide races: of two
 * simultaneous bookings of one slot exactly one is stored; the other gets 409 naming the
 * conflict. An idempotency key makes a retried request return the first appointment.
 */
export async function bookAppointment(
  db: Db,
  actor: Actor,
  input: BookAppointmentInput,
): Promise<{ appointment: AppointmentDto; replayed: boolean }> {
  assertCan(actor, "schedule.manage");
  const earlier = await replayByKey(db, actor, input);
  if (earlier) return earlier;
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(
        clinicScope(actor, appointmentTypes),
        eq(appointmentTypes.id, input.typeId),
        isNull(appointmentTypes.archivedAt),
      ),
    );
  if (!type) throw notFound("That appointment type");
  const [client] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(clinicScope(actor, clients), eq(clients.id, input.clientId), isNull(clients.archivedAt)));
  if (!client) throw notFound("That client");
  const [therapist] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(currentTherapistOf(actor.clinicId), eq(memberships.userId, input.therapistUserId)));
  if (!therapist)
    throw invalid("Choose a therapist of this clinic.", { therapistUserId: ["Choose a therapist of this clinic."] });
  const roomId = input.roomId ?? null;
  if (type.needsRoom && !roomId) throw invalid("This appointment type needs a room.", { roomId: ["Choose a room."] });
  if (roomId) {
    const [room] = await db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(clinicScope(actor, rooms), eq(rooms.id, roomId), isNull(rooms.archivedAt)));
    if (!room) throw notFound("That room");
  }
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(startsAt.getTime() + type.durationMin * 60_000);
  const blocksUntil = new Date(endsAt.getTime() + type.bufferAfterMin * 60_000);
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(appointments)
        .values({
          clinicId: actor.clinicId,
          clientId: input.clientId,
          therapistUserId: input.therapistUserId,
          roomId,
          typeId: type.id,
          startsAt,
          endsAt,
          blocksUntil,
          idempotencyKey: input.idempotencyKey ?? null,
          createdBy: actor.userId,
        })
        .returning();
      await recordEvent(tx, actor, { action: "appointment.booked", entityType: "appointment", entityId: created!.id });
      // A new client's first booking sends the intake forms (health history, consent).
      await sendIntakeFormsOnFirstBooking(tx, actor, input.clientId, created!.id);
      await notifyClient(tx, { clinicId: actor.clinicId, appointmentId: created!.id, event: "booked" });
      return created!;
    });
    return { appointment: toDto(row), replayed: false };
  } catch (err) {
    const state = sqlState(err);
    // A parallel retry with this key may have won the race: on the key's unique index (23505)
    // or, just as often, on the slot's exclusion constraint (23P01). Either way it is our booking.
    if (state === "23505" || state === "23P01") {
      const again = await replayByKey(db, actor, input);
      if (again) return again;
    }
    if (state === "23P01") {
      throw new AppError(
        "CONFLICT",
        await describeConflict(db, actor, { therapistUserId: input.therapistUserId, roomId, startsAt, blocksUntil }),
      );
    }
    throw err;
  }
}
