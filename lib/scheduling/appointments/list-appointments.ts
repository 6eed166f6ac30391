import "server-only";
import { and, asc, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, clients, memberships, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { invalid, notFound } from "@/lib/errors";
import { addLocalDays, localDateOf, zonedInstant } from "@/lib/format/zoned";
import type { AppointmentView, CalendarRange, ListAppointmentsQuery } from "./calendar-schemas";
import { workingTimeOf } from "./working-hours";
import { overlapping } from "./overlap";
import { selectAppointmentView } from "./view-query";

const MAX_RANGE_DAYS = 42;

/** Appointments joined with what the calendar shows, scoped to the actor's clinic. */
export async function selectAppointmentViews(db: Db, actor: Actor, where: SQL | undefined): Promise<AppointmentView[]> {
  const rows = await selectAppointmentView(db, {
    a: appointments,
    firstName: clients.firstName,
    lastName: clients.lastName,
    preferredName: clients.preferredName,
    therapistName: users.name,
    roomName: rooms.name,
    typeName: appointmentTypes.name,
    typeColour: appointmentTypes.colour,
    bufferAfterMin: appointmentTypes.bufferAfterMin,
  })
    .where(and(clinicScope(actor, appointments), where))
    .orderBy(asc(appointments.startsAt), asc(users.name));
  return rows.map(({ a, ...r }) => ({
    id: a.id,
    clientId: a.clientId,
    clientName: `${r.preferredName ?? r.firstName} ${r.lastName}`,
    therapistUserId: a.therapistUserId,
    therapistName: r.therapistName,
    roomId: a.roomId,
    roomName: r.roomName,
    typeId: a.typeId,
    typeName: r.typeName,
    typeColour: r.typeColour,
    bufferAfterMin: r.bufferAfterMin,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    status: a.status,
    version: a.version,
    visitId: a.visitId,
    cancelReason: a.cancelReason,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
    lateCancellation: a.lateCancellation,
    bookedVia: a.bookedVia,
    seriesId: a.seriesId,
  }));
}

/** One appointment; NOT_FOUND when absent or another clinic's. */
export async function getAppointment(db: Db, actor: Actor, appointmentId: string): Promise<AppointmentView> {
  assertCan(actor, "schedule.manage");
  const [view] = await selectAppointmentViews(db, actor, eq(appointments.id, appointmentId));
  if (!view) throw notFound("That appointment");
  return view;
}

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

/** The clinic's current therapists, optionally only some. */
export async function listClinicTherapists(db: Db, actor: Actor, only: string[] = []) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clinicId, actor.clinicId),
        eq(memberships.role, "therapist"),
        isNull(memberships.revokedAt),
        only.length ? inArray(users.id, only) : undefined,
      ),
    )
    .orderBy(asc(users.name));
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

/** The signed-in therapist's appointments today (clinic's zone), cancelled ones left out. */
export async function listMyDay(db: Db, actor: Actor): Promise<AppointmentView[]> {
  assertCan(actor, "schedule.manage");
  const today = localDateOf(new Date(), actor.clinicTimezone);
  return selectAppointmentViews(
    db,
    actor,
    and(
      eq(appointments.therapistUserId, actor.userId),
      ne(appointments.status, "cancelled"),
      overlapping(
        zonedInstant(today, 0, actor.clinicTimezone),
        zonedInstant(addLocalDays(today, 1), 0, actor.clinicTimezone),
        "endsAt",
      ),
    ),
  );
}
