import "server-only";
import { notifyClient } from "@/lib/scheduling/appointments/client-notice";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { decideCancellation } from "@/lib/scheduling/rules/cancellation";
import { portalPolicy, selectMyAppointments, toPortalDto } from "./portal-appointments";
import type { PortalAppointmentDto } from "./schemas";

/** What the appointment record says about a cancellation the client made in the portal. */
export const CLIENT_CANCEL_REASON = "Cancelled online by the client";

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
