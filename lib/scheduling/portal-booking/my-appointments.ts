import "server-only";
import { notifyClient } from "@/lib/scheduling/appointments/client-notice";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { decideCancellation, formatNoticePeriod, lateCancellationMessage } from "@/lib/scheduling/rules/cancellation";
import { localDateOf } from "@/lib/format/zoned";
import { buildIcs } from "@/lib/scheduling/calendar-feed/ics";
import { portalPolicy, selectMyAppointments, selectMyAppointmentsWith, toPortalDto } from "./portal-appointments";
import type { MyAppointmentsDto, PortalAppointmentDto } from "./schemas";

/** What the appointment record says about a cancellation the client made in the portal. */
export const CLIENT_CANCEL_REASON = "Cancelled online by the client";
const PAST_LIMIT = 50;

/** The client's upcoming appointments (soonest first) and the rest (latest first). */
export async function listMyAppointments(db: Db, actor: Actor, now = new Date()): Promise<MyAppointmentsDto> {
  assertCan(actor, "portal.self");
  const { cancellationNoticeHours } = await portalPolicy(db, actor);
  const isUpcoming = sql<boolean>`${appointments.status} in ('booked', 'arrived') and ${appointments.endsAt} > ${now.toISOString()}::timestamptz`;
  // Both halves in one statement (union all, each half with its own order and limit); `upcoming` says which
  // half a row is from, and each half is put back in its own order (the union's output order is not promised).
  const half = (upcoming: boolean, where: SQL) =>
    selectMyAppointmentsWith(db, actor, { upcoming: sql<boolean>`${sql.raw(String(upcoming))}` }, where);
  const rows = await half(true, isUpcoming)
    .orderBy(appointments.startsAt)
    .unionAll(
      half(false, sql`not (${isUpcoming})`)
        .orderBy(desc(appointments.startsAt))
        .limit(PAST_LIMIT),
    );
  const at = (r: { startsAt: Date }) => r.startsAt.getTime();
  const upcoming = rows.filter((r) => r.upcoming).sort((a, b) => at(a) - at(b));
  const past = rows.filter((r) => !r.upcoming).sort((a, b) => at(b) - at(a));
  return {
    timeZone: actor.clinicTimezone,
    cancellationNoticeHours,
    lateCancellationMessage: lateCancellationMessage(cancellationNoticeHours),
    upcoming: upcoming.map((r) => toPortalDto(r, cancellationNoticeHours, now)),
    past: past.map((r) => toPortalDto(r, cancellationNoticeHours, now)),
  };
}

/**
 * Cancels one of the client's own booked appointments, up to the clinic's notice period;
 * later it is refused with the message naming the period (the clinic takes those by phone).
 */
export async function cancelMyAppointment(
  db: Db,
  actor: Actor,
  appointmentId: string,
  now = new Date(),
): Promise<PortalAppointmentDto> {
  assertCan(actor, "portal.self");
  const { cancellationNoticeHours } = await portalPolicy(db, actor);
  const [row] = await selectMyAppointments(db, actor, eq(appointments.id, appointmentId));
  if (!row) throw notFound("That appointment");
  if (row.status === "cancelled") throw conflict("This appointment is already cancelled.");
  if (row.status !== "booked" || row.startsAt.getTime() <= now.getTime())
    throw conflict("This appointment can no longer be cancelled online. Please contact the clinic.");
  const decision = decideCancellation(row.startsAt, now, cancellationNoticeHours);
  if (!decision.allowed) throw conflict(decision.message, { noticeHours: cancellationNoticeHours });
  await db.transaction(async (tx) => {
    // Only a still-booked row changes: a cancel racing a staff edit loses cleanly.
    const [updated] = await tx
      .update(appointments)
      .set({
        status: "cancelled",
        cancelReason: CLIENT_CANCEL_REASON,
        cancelledAt: now,
        cancelledBy: actor.userId,
        lateCancellation: false,
        version: sql`${appointments.version} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          clinicScope(actor, appointments),
          eq(appointments.id, appointmentId),
          eq(appointments.clientId, actor.clientId!),
          eq(appointments.status, "booked"),
        ),
      )
      .returning({ id: appointments.id });
    if (!updated) throw conflict("This appointment changed a moment ago. Please reload.");
    await recordEvent(tx, actor, {
      action: "appointment.cancelled",
      entityType: "appointment",
      entityId: appointmentId,
      details: { via: "portal", late: false },
    });
    await notifyClient(tx, {
      clinicId: actor.clinicId,
      appointmentId,
      event: "cancelled",
      cancelledByClient: true,
    });
  });
  const [after] = await selectMyAppointments(db, actor, eq(appointments.id, appointmentId));
  return toPortalDto(after!, cancellationNoticeHours, now);
}

/** One of the client's own appointments as an .ics file (their calendar app imports it). */
export async function myAppointmentIcs(
  db: Db,
  actor: Actor,
  appointmentId: string,
): Promise<{ filename: string; body: string }> {
  assertCan(actor, "portal.self");
  const { name: clinicName, cancellationNoticeHours } = await portalPolicy(db, actor);
  const [row] = await selectMyAppointments(db, actor, eq(appointments.id, appointmentId));
  if (!row) throw notFound("That appointment");
  const body = buildIcs({
    name: clinicName,
    timeZone: actor.clinicTimezone,
    events: [
      {
        id: row.id,
        start: row.startsAt,
        end: row.endsAt,
        sequence: row.version,
        updatedAt: row.updatedAt,
        summary: `${row.typeName} at ${clinicName}`,
        location: row.roomName ? `${clinicName}, ${row.roomName}` : clinicName,
        description: `${row.typeName} with ${row.therapistName}. To cancel, use your ${clinicName} portal up to ${formatNoticePeriod(cancellationNoticeHours)} before, or call the clinic.`,
        cancelled: row.status === "cancelled",
      },
    ],
  });
  const day = localDateOf(row.startsAt, actor.clinicTimezone);
  return { filename: `appointment-${day}.ics`, body };
}
