import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, invalid } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { assertDiary, assertVersion, lockAppointment } from "./appointment-access";
import {
  ALLOWED_TRANSITIONS,
  type AppointmentStatus,
  type AppointmentView,
  type SetStatusInput,
} from "./calendar-schemas";
import { describeConflict, type Placement } from "./conflict";
import { getAppointment } from "./get-appointment";
import { onAppointmentCompleted, onAppointmentUncompleted } from "@/lib/billing/auto-invoice";
import { LABEL } from "./status-labels";

/** A client may arrive early; marking further ahead is most likely a click on the wrong day. */
const ARRIVE_EARLY_MS = 60 * 60_000;

export async function setAppointmentStatus(
  db: Db,
  actor: Actor,
  appointmentId: string,
  input: SetStatusInput,
  now = new Date(),
): Promise<AppointmentView> {
  assertCan(actor, "schedule.manage");
  let placement: Placement | undefined;
  try {
    await db.transaction(async (tx) => {
      const row = await lockAppointment(tx, actor, appointmentId);
      assertDiary(actor, row.therapistUserId);
      assertVersion(row, input.version);
      if (row.status === input.status) return;
      if (!(ALLOWED_TRANSITIONS[row.status] as readonly AppointmentStatus[]).includes(input.status)) {
        throw conflict(
          row.status === "cancelled"
            ? "This appointment was cancelled. Book a new one instead."
            : `An appointment that is ${LABEL[row.status]} cannot be marked ${LABEL[input.status]}.`,
        );
      }
      if (
        row.status === "booked" &&
        (input.status === "arrived" || input.status === "completed") &&
        row.startsAt.getTime() - now.getTime() > ARRIVE_EARLY_MS
      ) {
        const message = `This appointment can be marked ${LABEL[input.status]} from an hour before it starts.`;
        throw invalid(message, { status: [message] });
      }
      if (input.status === "no_show" && row.startsAt > now) {
        throw invalid("Mark a no-show once the appointment's start time has passed.", {
          status: ["Not yet: the appointment has not started."],
        });
      }
      // Undoing a no-show takes the slot back, which someone may have booked meanwhile.
      placement = {
        therapistUserId: row.therapistUserId,
        roomId: row.roomId,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        blocksUntil: row.blocksUntil,
        excludeId: row.id,
      };
      await tx
        .update(appointments)
        .set({ status: input.status, version: row.version + 1, updatedAt: now })
        .where(and(clinicScope(actor, appointments), eq(appointments.id, row.id)));
      await recordEvent(tx, actor, {
        action: "appointment.status_changed",
        entityType: "appointment",
        entityId: row.id,
        details: { from: row.status, to: input.status },
      });
      if (input.status === "completed") await onAppointmentCompleted(tx, actor, row.id);
      if (row.status === "completed") await onAppointmentUncompleted(tx, actor, row.id);
    });
  } catch (err) {
    if (sqlState(err) === "23P01" && placement) {
      throw new AppError(
        "CONFLICT",
        `The slot was booked again meanwhile: ${await describeConflict(db, actor, placement)}`,
        undefined,
        { reason: "overlap" },
      );
    }
    throw err;
  }
  return getAppointment(db, actor, appointmentId);
}
