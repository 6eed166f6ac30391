import "server-only";
import { subMonths } from "date-fns";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, rooms, users } from "@/db/schema";
import { selectAppointmentView } from "@/lib/scheduling/appointments/view-query";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { ClientAppointment, ClientAppointments } from "./schemas";
import { clientRow, parseFlag } from "./online-booking-flag";

const LIST_LIMIT = 20;

async function appointmentList(
  db: Db,
  actor: Actor,
  clientId: string,
  when: SQL,
  order: SQL,
): Promise<ClientAppointment[]> {
  const rows = await selectAppointmentView(db, {
    id: appointments.id,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    status: appointments.status,
    lateCancellation: appointments.lateCancellation,
    cancelReason: appointments.cancelReason,
    seriesId: appointments.seriesId,
    typeName: appointmentTypes.name,
    therapistName: users.name,
    roomName: rooms.name,
  })
    .where(and(eq(appointments.clinicId, actor.clinicId), eq(appointments.clientId, clientId), when))
    .orderBy(order)
    .limit(LIST_LIMIT);
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() }));
}

/**
 * A client's appointments for the front desk: upcoming and recent, no-shows and late
 * cancellations over the last 12 months, and the "do not book online" flag. Scheduling data
 * only (never visit notes), because admins without clinical access see it.
 */
export async function getClientAppointments(
  db: Db,
  actor: Actor,
  clientId: string,
  now = new Date(),
): Promise<ClientAppointments> {
  assertCan(actor, "schedule.manage");
  const client = await clientRow(db, actor, clientId);
  // A late cancellation counts even while its appointment is still ahead (cancelled yesterday for tomorrow).
  const since = subMonths(now, 12);
  const [upcoming, recent, [counts]] = [
    await appointmentList(db, actor, clientId, gte(appointments.startsAt, now), asc(appointments.startsAt)),
    await appointmentList(db, actor, clientId, lt(appointments.startsAt, now), desc(appointments.startsAt)),
    await db
      .select({
        noShows: sql<number>`count(*) filter (where ${appointments.status} = 'no_show')::int`,
        lateCancellations: sql<number>`count(*) filter (where ${appointments.lateCancellation} and ${appointments.status} = 'cancelled')::int`,
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicId, actor.clinicId),
          eq(appointments.clientId, clientId),
          gte(appointments.startsAt, since),
        ),
      ),
  ];
  return {
    upcoming,
    recent,
    counts: {
      noShows: counts?.noShows ?? 0,
      lateCancellations: counts?.lateCancellations ?? 0,
      since: since.toISOString(),
    },
    flag: parseFlag(client.reason),
  };
}
