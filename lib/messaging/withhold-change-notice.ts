import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { assertDiary, lockAppointment } from "@/lib/scheduling/appointments/appointment-access";
import { withdrawQueued } from "@/lib/jobs/enqueue";
import { sendAppointmentMessageJob } from "./appointment-messages";

/**
 * "Don't tell the client" after a change in the calendar: a change notice waits a couple of
 * minutes (CHANGE_NOTICE_DELAY_MS) before it is written, and this withdraws it while it waits,
 * for a move agreed on the phone. Once the message has gone it cannot be called back, and the
 * answer says so (withheld: false). Same rights as moving the appointment.
 */
export async function withholdChangeNotice(db: Db, actor: Actor, appointmentId: string) {
  assertCan(actor, "schedule.manage");
  return db.transaction(async (tx) => {
    const row = await lockAppointment(tx, actor, appointmentId);
    assertDiary(actor, row.therapistUserId);
    const withheld = await withdrawQueued(tx, sendAppointmentMessageJob, actor.clinicId, `${row.id}:changed`);
    if (withheld) {
      await recordEvent(tx, actor, {
        action: "appointment.change_notice_withheld",
        entityType: "appointment",
        entityId: row.id,
      });
    }
    return { withheld };
  });
}
