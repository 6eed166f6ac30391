import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { invalid } from "@/lib/errors";
import { addLocalDays, localDateOf, zonedInstant } from "@/lib/format/zoned";
import type { CalendarRange, ListAppointmentsQuery } from "./calendar-schemas";
import { workingTimeOf } from "./working-hours";
import { overlapping } from "./overlap";
import { selectAppointmentViews } from "./appointment-views";
import { listClinicTherapists } from "./list-clinic-therapists";

const MAX_RANGE_DAYS = 42;

/** A local date is midnight on the clinic's clocks that day (DST-correct); an instant is itself. */
function resolveRange(q: ListAppointmentsQuery, timeZone: string) {
  const at = (v: string) => (v.length === 10 ? zonedInstant(v, 0, timeZone) : new Date(v));
  const fromDate = q.from ?? localDateOf(new Date(), timeZone);
  const from = at(fromDate);
  const to = q.to
    ? at(q.to)
    : fromDate.length === 10
      ? zonedInstant(addLocalDays(fromDate, 7), 0, timeZone)
      : new Date(from.getTime() + 7 * 86_400_000);
  if (to <= from) throw invalid("The range must end after it starts.", { to: ["The range must end after it starts."] });
  if (to.getTime() - from.getTime() > (MAX_RANGE_DAYS + 1) * 86_400_000) {
    throw invalid(`Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { to: [`At most ${MAX_RANGE_DAYS} days.`] });
  }
  return { from, to };
}

/**
 * The calendar for a range: the appointments overlapping [from, to) (cancelled ones only on
 * request) and one entry per therapist with their working time, for the columns and shading.
 */
export async function listAppointments(db: Db, actor: Actor, q: ListAppointmentsQuery): Promise<CalendarRange> {
  assertCan(actor, "schedule.manage");
  const { from, to } = resolveRange(q, actor.clinicTimezone);
  const [views, therapists] = await Promise.all([
    selectAppointmentViews(
      db,
      actor,
      and(
        overlapping(from, to, "endsAt"),
        q.includeCancelled ? undefined : ne(appointments.status, "cancelled"),
        q.therapistId.length ? inArray(appointments.therapistUserId, q.therapistId) : undefined,
        q.roomId ? eq(appointments.roomId, q.roomId) : undefined,
      ),
    ),
    listClinicTherapists(db, actor, q.therapistId),
  ]);
  // A former therapist's appointments still need a column until they are moved.
  for (const v of views) {
    if (!therapists.some((t) => t.id === v.therapistUserId))
      therapists.push({ id: v.therapistUserId, name: v.therapistName });
  }
  const time = await workingTimeOf(
    db,
    actor,
    therapists.map((t) => t.id),
    from,
    to,
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone: actor.clinicTimezone,
    therapists: therapists.map((t) => {
      const w = time.get(t.id)!;
      return {
        id: t.id,
        name: t.name,
        hoursSet: w.hoursSet,
        working: w.working.map((i) => ({ start: i.start.toISOString(), end: i.end.toISOString() })),
      };
    }),
    appointments: views,
  };
}
