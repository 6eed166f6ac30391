import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { decideCancellation } from "@/lib/scheduling/rules/cancellation";
import { lockAppointmentFacts, type AppointmentFacts } from "./appointment-facts";
import { notifyClient } from "@/lib/scheduling/appointments/client-notice";
import { verifyManageToken } from "./manage-link";
import type { ManagedAppointmentDto } from "./schemas";

/** The reason stored on an appointment the client cancelled from an emailed or texted link. */
export const LINK_CANCEL_REASON = "Cancelled by the client from the link in a message";

function toDto(a: AppointmentFacts, now: Date): ManagedAppointmentDto {
  const decision =
    a.status === "booked"
      ? decideCancellation(a.startsAt, now, a.noticeHours)
      : { allowed: false as const, message: null };
  return {
    clinicName: a.clinicName,
    timeZone: a.timeZone,
    locale: a.locale,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    typeName: a.typeName,
    therapistName: a.therapistName,
    roomName: a.roomName,
    canCancel: decision.allowed,
    cancelRefusal: decision.allowed ? null : decision.message,
    cancellationNoticeHours: a.noticeHours,
  };
}

/**
 * The appointment a signed link is about. Any token that is forged, altered or past its expiry is
 * a plain 404, exactly like an appointment that does not exist: the link itself is the only key.
 * Nothing about the client is returned (a forwarded email shows no more than the email did).
 */
export async function getManagedAppointment(db: Db, token: string, now = new Date()): Promise<ManagedAppointmentDto> {
  const claims = verifyManageToken(token, now);
  if (!claims) throw notFound("That link");
  return db.transaction(async (tx) => {
    const a = await lockAppointmentFacts(tx, claims.clinicId, claims.appointmentId);
    if (!a) throw notFound("That link");
    return toDto(a, now);
  });
}

/**
 * Cancels from the link, under the same rule as the portal: booked and before the clinic's notice
 * period, otherwise 409 naming the period (the clinic takes those by phone). Once cancelled the
 * link can do nothing more. The cancellation message is queued in the same transaction.
 */
export async function cancelManagedAppointment(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ManagedAppointmentDto> {
  const claims = verifyManageToken(token, now);
  if (!claims) throw notFound("That link");
  return db.transaction(async (tx) => {
    const a = await lockAppointmentFacts(tx, claims.clinicId, claims.appointmentId);
    if (!a) throw notFound("That link");
    if (a.status === "cancelled") throw conflict("This appointment is already cancelled.");
    if (a.status !== "booked")
      throw conflict("This appointment can no longer be cancelled online. Please contact the clinic.");
    const decision = decideCancellation(a.startsAt, now, a.noticeHours);
    if (!decision.allowed) throw conflict(decision.message, { noticeHours: a.noticeHours });
    await tx
      .update(appointments)
      .set({
        status: "cancelled",
        cancelReason: LINK_CANCEL_REASON,
        cancelledAt: now,
        cancelledBy: null,
        lateCancellation: false,
        version: sql`${appointments.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(appointments.clinicId, a.clinicId), eq(appointments.id, a.id)));
    await recordEvent(
      tx,
      { clinicId: a.clinicId, userId: null },
      {
        action: "appointment.cancelled",
        entityType: "appointment",
        entityId: a.id,
        details: { via: "link", late: false },
      },
    );
    await notifyClient(tx, { clinicId: a.clinicId, appointmentId: a.id, event: "cancelled", cancelledByClient: true });
    return toDto({ ...a, status: "cancelled" }, now);
  });
}
