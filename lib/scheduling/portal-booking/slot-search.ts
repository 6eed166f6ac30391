import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, memberships, users } from "@/db/schema";
import { clinicScope } from "@/lib/identity/scopes";
import { offersType, offersTypeSql, typeTherapistMap } from "@/lib/scheduling/setup/type-therapists";
import type { Actor } from "@/lib/identity/actor";
import { searchFreeSlots, type FreeSlot } from "@/lib/scheduling/availability/free-slots";
import { localDateOf } from "@/lib/format/zoned";
import type { PortalSlotsDto } from "./schemas";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

/** Online slots start on the half hour: the front desk keeps a tidy diary, clients a short list. */
export const ONLINE_STEP_MIN = 30;
/** Nobody books online for the next two hours: the clinic would not see it coming. */
export const ONLINE_MIN_LEAD_MS = 2 * 3_600_000;

export type OnlineType = typeof appointmentTypes.$inferSelect;

/**
 * The clinic's types bookable online (not archived), by name, each with the live therapists who offer it by
 * name, in one statement (json_agg): the portal home reads them on every visit (issue 16). Who offers what is
 * the one rule of lib/scheduling/setup/type-therapists.ts (no list = every therapist), in its SQL form.
 */
export async function onlineTypesWithTherapists(db: Db, actor: Actor) {
  const t = appointmentTypes;
  return db
    .select({
      id: t.id,
      name: t.name,
      durationMin: t.durationMin,
      // Parameters, not outer column references, for the clinic: drizzle leaves single-table columns unqualified,
      // so the membership test is currentTherapistOf (lib/identity/staff/current-therapist.ts) written out on alias m.
      therapists: sql<{ id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
        from ${memberships} m join ${users} u on u.id = m.user_id
        where m.clinic_id = ${actor.clinicId} and m.role = 'therapist' and m.revoked_at is null
          and u.disabled_at is null
          and ${offersTypeSql(actor.clinicId, sql`${t}.id`, sql`u.id`)}
      ), '[]'::json)`,
    })
    .from(t)
    .where(and(clinicScope(actor, t), eq(t.bookableOnline, true), isNull(t.archivedAt)))
    .orderBy(t.name);
}

/**
 * The live therapists who offer each type, ordered by name. Who offers what is the one rule of
 * lib/scheduling/setup/type-therapists.ts (no list = everyone); online booking also leaves out disabled logins.
 */
export async function therapistsOffering(db: Db, actor: Actor, typeIds: string[]) {
  const [staff, listed] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(currentTherapistOf(actor.clinicId), isNull(users.disabledAt)))
      .orderBy(users.name),
    typeTherapistMap(db, actor, typeIds),
  ]);
  return new Map(typeIds.map((typeId) => [typeId, staff.filter((s) => offersType(listed.get(typeId) ?? null, s.id))]));
}

export interface OnlineSlotSearch {
  from: Date;
  to: Date;
  now: Date;
  /** Only this therapist (must offer the type), else everyone who does. */
  therapistId?: string | null;
  limit: number;
  /** How far ahead of now the first slot may start (default ONLINE_MIN_LEAD_MS; the public page uses the clinic's). */
  leadMs?: number;
  /** The client's own appointment being moved: its time is free to them. */
  excludeAppointmentId?: string;
}

/**
 * Free online slots for a type, through the same pure slot finder as the staff's: working
 * hours and exceptions, bookings and buffers, a free room when the type needs one. One slot
 * per start time; the therapist named is the first free one in name order.
 */
export async function searchOnlineSlots(
  db: Db,
  actor: Actor,
  type: OnlineType,
  q: OnlineSlotSearch,
): Promise<FreeSlot[]> {
  const offering = (await therapistsOffering(db, actor, [type.id])).get(type.id) ?? [];
  const therapists = q.therapistId ? offering.filter((t) => t.id === q.therapistId) : offering;
  if (therapists.length === 0) return [];
  return searchFreeSlots(db, actor, {
    type,
    therapists,
    from: q.from,
    to: q.to,
    stepMin: ONLINE_STEP_MIN,
    earliestStart: new Date(q.now.getTime() + (q.leadMs ?? ONLINE_MIN_LEAD_MS)),
    limit: q.limit,
    distinctStarts: true,
    excludeAppointmentId: q.excludeAppointmentId,
  });
}

/** Slots grouped by the clinic-local date they start on, as the portal's day and time pickers show them. */
export function slotsByDay(slots: FreeSlot[], timeZone: string): PortalSlotsDto {
  const days = new Map<string, PortalSlotsDto["days"][number]["slots"]>();
  for (const s of slots) {
    const date = localDateOf(s.start, timeZone);
    if (!days.has(date)) days.set(date, []);
    days.get(date)!.push({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      therapistId: s.therapistId,
      therapistName: s.therapistName,
    });
  }
  return { timeZone, days: [...days].map(([date, list]) => ({ date, slots: list })) };
}
