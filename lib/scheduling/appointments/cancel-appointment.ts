import "server-only";
import { notifyClient } from "./client-notice";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { isLateCancellation } from "@/lib/scheduling/rules/cancellation";
import { assertDiary, assertVersion, lockAppointment } from "./appointment-access";
import type { AppointmentView, CancelAppointmentInput } from "./calendar-schemas";
import { getAppointment } from "./get-appointment";
import { onAppointmentUncompleted } from "@/lib/billing/auto-invoice";
import { LABEL } from "./status-labels";

/**
 * Cancels with a reason. A client's cancellation inside the clinic's notice period is recorded
 * as late (counted per client, like no-shows); the clinic cancelling is never the client's fault.
 */
export async function cancelAppointment(
  db: Db,
  actor: Actor,
  appointmentId: string,
  input: CancelAppointmentInput,
  now = new Date(),
): Promise<AppointmentView> {
  assertCan(actor, "schedule.manage");
  await db.transaction(async (tx) => {
    const row = await lockAppointment(tx, actor, appointmentId);
    assertDiary(actor, row.therapistUserId);
    assertVersion(row, input.version);
    if (row.status !== "booked" && row.status !== "arrived") {
      throw conflict(`An appointment that is ${LABEL[row.status]} cannot be cancelled.`);
    }
    const [clinic] = await tx
      .select({ noticeHours: clinics.cancellationNoticeHours })
      .from(clinics)
      .where(eq(clinics.id, actor.clinicId));
    const late = input.cancelledBy === "client" && isLateCancellation(row.startsAt, now, clinic!.noticeHours);
    await tx
      .update(appointments)
      .set({
        status: "cancelled",
        cancelReason: input.reason,
        cancelledAt: now,
        cancelledBy: actor.userId,
        lateCancellation: late,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(clinicScope(actor, appointments), eq(appointments.id, row.id)));
    await onAppointmentUncompleted(tx, actor, row.id);
    // The reason is free text and may be clinical; the audit trail keeps only who and whether late.
    await recordEvent(tx, actor, {
      action: "appointment.cancelled",
      entityType: "appointment",
      entityId: row.id,
      details: { from: row.status, cancelledBy: input.cancelledBy, late },
    });
    if (input.notifyClient !== false)
      await notifyClient(tx, {
        clinicId: actor.clinicId,
        appointmentId: row.id,
        event: "cancelled",
        sharedReason: input.messageToClient || null,
        cancelledByClient: input.cancelledBy === "client",
      });
  });
  return getAppointment(db, actor, appointmentId);
}
