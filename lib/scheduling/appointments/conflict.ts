import "server-only";
import { and, asc, eq, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { overlapping } from "@/lib/scheduling/appointments/overlap";
import { appointments, appointmentTypes, bookingHolds, clients, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { can, clinicScope } from "@/lib/identity/scopes";
import { ACTIVE_STATUSES } from "./appointment-access";
import { selectAppointmentView } from "./view-query";
import { formatFor } from "@/lib/format/clinic-format";

export const HELD_ONLINE =
  "That time is held for someone booking online, or awaiting a decision under Waitlist → Online booking requests.";

/** A live hold from the public booking page (or a request awaiting a therapist) in the way. */
export async function heldOnline(
  db: Db,
  actor: Actor,
  p: Pick<Placement, "therapistUserId" | "roomId" | "startsAt" | "blocksUntil">,
): Promise<boolean> {
  const sameTherapist = eq(bookingHolds.therapistUserId, p.therapistUserId);
  const [row] = await db
    .select({ id: bookingHolds.id })
    .from(bookingHolds)
    .where(
      and(
        clinicScope(actor, bookingHolds),
        or(
          eq(bookingHolds.status, "awaiting_clinic"),
          and(eq(bookingHolds.status, "held"), gt(bookingHolds.expiresAt, sql`now()`)),
        ),
        lt(bookingHolds.startsAt, p.blocksUntil),
        gt(bookingHolds.blocksUntil, p.startsAt),
        p.roomId ? or(sameTherapist, eq(bookingHolds.roomId, p.roomId)) : sameTherapist,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export interface Placement {
  therapistUserId: string;
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  blocksUntil: Date;
  /** The appointment being moved, which is not in its own way. */
  excludeId?: string;
}

/**
 * The 409 message for a placement the exclusion constraints refused, naming what is in the way
 * ("Tara Therapist already has Casey Client Tue 1 Dec, 10:00–11:00.") in the clinic's zone and locale, and
 * saying when only a buffer overlaps, which is otherwise puzzling on a calendar that shows a gap.
 * Client names appear only for actors who may read client records.
 */
export async function describeConflict(db: Db, actor: Actor, p: Placement): Promise<string> {
  const sameTherapist = eq(appointments.therapistUserId, p.therapistUserId);
  const rows = await selectAppointmentView(db, {
    therapistUserId: appointments.therapistUserId,
    roomId: appointments.roomId,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    blocksUntil: appointments.blocksUntil,
    therapist: users.name,
    room: rooms.name,
    firstName: clients.firstName,
    lastName: clients.lastName,
    bufferAfterMin: appointmentTypes.bufferAfterMin,
  })
    .where(
      and(
        clinicScope(actor, appointments),
        inArray(appointments.status, [...ACTIVE_STATUSES]),
        p.excludeId ? ne(appointments.id, p.excludeId) : undefined,
        overlapping(p.startsAt, p.blocksUntil, "blocksUntil"),
        p.roomId ? or(sameTherapist, eq(appointments.roomId, p.roomId)) : sameTherapist,
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(5);
  // The therapist's own clash is the more useful one to name when both apply.
  const other = rows.find((r) => r.therapistUserId === p.therapistUserId) ?? rows[0];
  if (!other) {
    // The public page's holds block through a trigger, not these rows (lib/scheduling/public-booking).
    if (await heldOnline(db, actor, p)) return HELD_ONLINE;
    return "That time is no longer free. Reload the calendar to see the latest bookings.";
  }

  const when = formatFor(actor).span(other.startsAt, other.endsAt);
  const client = can(actor, "clients.read") ? `${other.firstName} ${other.lastName}` : "a client";
  const sentence =
    other.therapistUserId === p.therapistUserId
      ? `${other.therapist} already has ${client} ${when}`
      : `${other.room ?? "That room"} is already booked for ${client} with ${other.therapist} ${when}`;

  const overlapsItself = p.startsAt < other.endsAt && other.startsAt < p.endsAt;
  if (overlapsItself) return `${sentence}.`;
  if (p.startsAt >= other.endsAt) return `${sentence}, and ${other.bufferAfterMin} minutes' buffer after it.`;
  const ownBuffer = Math.round((p.blocksUntil.getTime() - p.endsAt.getTime()) / 60_000);
  return `${sentence}; this appointment's ${ownBuffer}-minute buffer would run into it.`;
}
