import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, appointmentTypeTherapists, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { clinicScope } from "@/lib/auth/scopes";
import { searchFreeSlots, type FreeSlot } from "@/lib/availability/free-slots";

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
export async function searchOnlineSlots(db: Db, actor: Actor, type: OnlineType, q: OnlineSlotSearch): Promise<FreeSlot[]> {
  const offering = (await therapistsOffering(db, actor, [type.id])).get(type.id) ?? [];
  const therapists = q.therapistId ? offering.filter((t) => t.id === q.therapistId) : offering;
  if (therapists.length === 0) return [];
  return searchFreeSlots(db, actor, {
    type, therapists, from: q.from, to: q.to, stepMin: ONLINE_STEP_MIN, earliestStart: new Date(q.now.getTime() + ONLINE_MIN_LEAD_MS),
    limit: q.limit, distinctStarts: true,
  });
}
