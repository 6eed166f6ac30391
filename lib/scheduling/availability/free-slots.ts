import "server-only";
import { ACTIVE_STATUSES } from "@/lib/scheduling/rules/statuses";
import { and, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { overlapping } from "@/lib/scheduling/appointments/overlap";
import { appointments, availabilityExceptions, bookingHolds, rooms, therapistHours } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { expandAvailability } from "@/lib/scheduling/rules/availability";
import { findSlots, type Slot } from "@/lib/scheduling/rules/slots";
import type { AvailabilityException } from "@/lib/scheduling/rules/schemas";

export interface FreeSlotSearch {
  type: { durationMin: number; bufferAfterMin: number; needsRoom: boolean };
  /** Candidates in order of preference (the caller has already applied who offers the type). */
  therapists: readonly { id: string; name: string }[];
  from: Date;
  to: Date;
  earliestStart: Date;
  limit: number;
  stepMin?: number;
  distinctStarts?: boolean;
  /** An appointment that does not count as busy: the one being moved to another time. */
  excludeAppointmentId?: string;
}

export type FreeSlot = Slot & { therapistName: string; roomName: string | null };

/**
 * Loads what a slot search needs — hours, exceptions, bookings with their buffers, live rooms — and
 * runs the pure slot finder. The one loader behind the staff's slot finder and online booking; the
 * callers decide who may ask and which therapists count. Callers must pass an actor-scoped query.
 */
export async function searchFreeSlots(db: Db, actor: Actor, q: FreeSlotSearch): Promise<FreeSlot[]> {
  if (q.therapists.length === 0) return [];
  const ids = q.therapists.map((t) => t.id);
  // A slot starting just before `to` runs past it: read hours and bookings to the end of its buffer.
  const horizon = new Date(q.to.getTime() + (q.type.durationMin + q.type.bufferAfterMin) * 60_000);
  const [hours, exceptions, appointmentRows, holdRows, roomRows] = await Promise.all([
    db
      .select()
      .from(therapistHours)
      .where(and(clinicScope(actor, therapistHours), inArray(therapistHours.therapistUserId, ids))),
    db
      .select()
      .from(availabilityExceptions)
      .where(and(clinicScope(actor, availabilityExceptions), inArray(availabilityExceptions.therapistUserId, ids))),
    db
      .select({
        therapistUserId: appointments.therapistUserId,
        roomId: appointments.roomId,
        startsAt: appointments.startsAt,
        blocksUntil: appointments.blocksUntil,
      })
      .from(appointments)
      .where(
        and(
          clinicScope(actor, appointments),
          inArray(appointments.status, [...ACTIVE_STATUSES]),
          overlapping(q.from, horizon, "blocksUntil"),
          q.excludeAppointmentId ? ne(appointments.id, q.excludeAppointmentId) : undefined,
        ),
      ),
    // Slots held on the public booking page are as busy as bookings until they expire
    // (the same rule as the database's guard in migration 0027).
    db
      .select({
        therapistUserId: bookingHolds.therapistUserId,
        roomId: bookingHolds.roomId,
        startsAt: bookingHolds.startsAt,
        blocksUntil: bookingHolds.blocksUntil,
      })
      .from(bookingHolds)
      .where(
        and(
          clinicScope(actor, bookingHolds),
          or(
            eq(bookingHolds.status, "awaiting_clinic"),
            and(eq(bookingHolds.status, "held"), gt(bookingHolds.expiresAt, sql`now()`)),
          ),
          lt(bookingHolds.startsAt, horizon),
          gt(bookingHolds.blocksUntil, q.from),
        ),
      ),
    q.type.needsRoom
      ? db
          .select({ id: rooms.id, name: rooms.name })
          .from(rooms)
          .where(and(clinicScope(actor, rooms), isNull(rooms.archivedAt)))
          .orderBy(rooms.name)
      : Promise.resolve([]),
  ]);
  const booked = [...appointmentRows, ...holdRows];
  const busy = (rows: typeof booked) => rows.map((b) => ({ start: b.startsAt, end: b.blocksUntil }));
  const slots = findSlots({
    type: { durationMin: q.type.durationMin, bufferAfterMin: q.type.bufferAfterMin },
    therapists: q.therapists.map((t) => ({
      id: t.id,
      availability: expandAvailability({
        weekly: hours.find((h) => h.therapistUserId === t.id)?.blocks ?? [],
        exceptions: exceptions
          .filter((e) => e.therapistUserId === t.id)
          .map((e) => e.exception as AvailabilityException),
        timeZone: actor.clinicTimezone,
        from: q.from,
        to: horizon,
      }),
      busy: busy(booked.filter((b) => b.therapistUserId === t.id)),
    })),
    rooms: q.type.needsRoom
      ? roomRows.map((r) => ({ id: r.id, busy: busy(booked.filter((b) => b.roomId === r.id)) }))
      : null,
    from: q.from,
    to: q.to,
    stepMin: q.stepMin,
    earliestStart: q.earliestStart,
    limit: q.limit,
    timeZone: actor.clinicTimezone,
    distinctStarts: q.distinctStarts,
  });
  const names = new Map(q.therapists.map((t) => [t.id, t.name]));
  const roomNames = new Map(roomRows.map((r) => [r.id, r.name]));
  return slots.map((s) => ({
    ...s,
    therapistName: names.get(s.therapistId) ?? "",
    roomName: s.roomId ? (roomNames.get(s.roomId) ?? null) : null,
  }));
}
