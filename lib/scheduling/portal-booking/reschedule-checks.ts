import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { requireClientId } from "@/lib/identity/actor";
import { conflict, notFound } from "@/lib/errors";
import { decideCancellation, formatNoticePeriod } from "@/lib/scheduling/rules/cancellation";
import { assertMayBook } from "./booking-checks";

/** Why a change is refused, in the client's words. */
export const RESCHEDULE_MESSAGES = {
  notBooked: "Only a booked appointment can be moved online. Please contact the clinic.",
  changed: "The clinic changed this appointment a moment ago. Reload to see it, then choose again.",
  sameTime: "That is the time you already have. Choose another time.",
  late: (noticeHours: number) =>
    `Appointments can be moved online up to ${formatNoticePeriod(noticeHours)} before they start. Please contact the clinic to change this one.`,
};

/** The client's own appointment with what moving it needs; 404 for anyone else's. */
async function myAppointment(db: Db, actor: Actor, appointmentId: string) {
  const [row] = await db
    .select({
      id: appointments.id,
      typeId: appointments.typeId,
      therapistUserId: appointments.therapistUserId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      version: appointments.version,
    })
    .from(appointments)
    .where(
      and(
        clinicScope(actor, appointments),
        eq(appointments.clientId, requireClientId(actor)),
        eq(appointments.id, appointmentId),
      ),
    );
  if (!row) throw notFound("That appointment");
  return row;
}

/**
 * The same rules as cancelling online (booked, before the notice period) plus those of booking
 * online (the clinic takes online bookings, the client is not flagged, the type is bookable).
 */
export async function assertMayMove(db: Db, actor: Actor, appointmentId: string, now: Date) {
  const appt = await myAppointment(db, actor, appointmentId);
  if (appt.status !== "booked" || appt.startsAt.getTime() <= now.getTime())
    throw conflict(RESCHEDULE_MESSAGES.notBooked);
  const { type, policy } = await assertMayBook(db, actor, appt.typeId);
  const decision = decideCancellation(appt.startsAt, now, policy.cancellationNoticeHours);
  if (!decision.allowed) {
    throw conflict(RESCHEDULE_MESSAGES.late(policy.cancellationNoticeHours), {
      noticeHours: policy.cancellationNoticeHours,
    });
  }
  return { appt, type, policy };
}
