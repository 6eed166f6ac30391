import "server-only";
import { and, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, appointmentTypeTherapists, availabilityExceptions, memberships, rooms, therapistHours, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { clinicScope } from "@/lib/auth/scopes";
import { expandAvailability } from "@/lib/scheduling/availability";
import { findSlots, type Slot } from "@/lib/scheduling/slots";
import type { AvailabilityException } from "@/lib/scheduling/schemas";

const ACTIVE = ["booked", "arrived", "completed"] as const;

/** Online slots start on the half hour: the front desk keeps a tidy diary, clients a short list. */
export const ONLINE_STEP_MIN = 30;
/** Nobody books online for the next two hours: the clinic would not see it coming. */
export const ONLINE_MIN_LEAD_MS = 2 * 3_600_000;

export type OnlineType = typeof appointmentTypes.$inferSelect;

/**
 * The therapists who offer a type: those listed for it in appointment_type_therapists, or
 * every live therapist of the clinic when none is listed. Ordered by name.
 */
export async function therapistsOffering(db: Db, actor: Actor, typeIds: string[]) {
  const staff = await db.select({ id: users.id, name: users.name }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.clinicId, actor.clinicId), eq(memberships.role, "therapist"), isNull(memberships.revokedAt), isNull(users.disabledAt)))
    .orderBy(users.name);
  const listed = typeIds.length === 0 ? [] : await db.select().from(appointmentTypeTherapists)
    .where(and(clinicScope(actor, appointmentTypeTherapists), inArray(appointmentTypeTherapists.typeId, typeIds)));
  return new Map(typeIds.map((typeId) => {
    const ids = new Set(listed.filter((l) => l.typeId === typeId).map((l) => l.therapistUserId));
    return [typeId, ids.size === 0 ? staff : staff.filter((s) => ids.has(s.id))];
  }));
}

export interface OnlineSlotSearch {
  from: Date;
  to: Date;
  now: Date;
  /** Only this therapist (must offer the type), else everyone who does. */
  therapistId?: string | null;
  limit: number;
}

/**
 * Free online slots for a type, through the same pure slot finder as the staff's: working
 * hours and exceptions, bookings and buffers, a free room when the type needs one. One slot
 * per start time; the therapist named is the first free one in name order.
 */
export async function searchOnlineSlots(db: Db, actor: Actor, type: OnlineType, q: OnlineSlotSearch): Promise<(Slot & { therapistName: string })[]> {
  const offering = (await therapistsOffering(db, actor, [type.id])).get(type.id) ?? [];
  const therapists = q.therapistId ? offering.filter((t) => t.id === q.therapistId) : offering;
  if (therapists.length === 0) return [];
  const ids = therapists.map((t) => t.id);
  // Slots start in [from, to); an appointment starting just before `to` runs past it, so hours
  // and bookings are read up to the end of its buffer.
  const horizon = new Date(q.to.getTime() + (type.durationMin + type.bufferAfterMin) * 60_000);
  const [hours, exceptions, booked, roomRows] = await Promise.all([
    db.select().from(therapistHours).where(and(clinicScope(actor, therapistHours), inArray(therapistHours.therapistUserId, ids))),
    db.select().from(availabilityExceptions).where(and(clinicScope(actor, availabilityExceptions), inArray(availabilityExceptions.therapistUserId, ids))),
    db.select({ therapistUserId: appointments.therapistUserId, roomId: appointments.roomId, startsAt: appointments.startsAt, blocksUntil: appointments.blocksUntil })
      .from(appointments)
      .where(and(clinicScope(actor, appointments), inArray(appointments.status, [...ACTIVE]), lt(appointments.startsAt, horizon), gt(appointments.blocksUntil, q.from))),
    type.needsRoom ? db.select({ id: rooms.id }).from(rooms).where(and(clinicScope(actor, rooms), isNull(rooms.archivedAt))).orderBy(rooms.name) : Promise.resolve(null),
  ]);
  const busy = (rows: typeof booked) => rows.map((b) => ({ start: b.startsAt, end: b.blocksUntil }));
  const slots = findSlots({
    type: { durationMin: type.durationMin, bufferAfterMin: type.bufferAfterMin },
    therapists: therapists.map((t) => ({
      id: t.id,
      availability: expandAvailability({
        weekly: hours.find((h) => h.therapistUserId === t.id)?.blocks ?? [],
        exceptions: exceptions.filter((e) => e.therapistUserId === t.id).map((e) => e.exception as AvailabilityException),
        timeZone: actor.clinicTimezone, from: q.from, to: horizon,
      }),
      busy: busy(booked.filter((b) => b.therapistUserId === t.id)),
    })),
    rooms: roomRows ? roomRows.map((r) => ({ id: r.id, busy: busy(booked.filter((b) => b.roomId === r.id)) })) : null,
    from: q.from, to: q.to, stepMin: ONLINE_STEP_MIN, earliestStart: new Date(q.now.getTime() + ONLINE_MIN_LEAD_MS),
    limit: q.limit, timeZone: actor.clinicTimezone, distinctStarts: true,
  });
  const names = new Map(therapists.map((t) => [t.id, t.name]));
  return slots.map((s) => ({ ...s, therapistName: names.get(s.therapistId) ?? "" }));
}
