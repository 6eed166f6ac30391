import "server-only";
import { and, eq, gt, inArray, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentReminders, appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, sqlState } from "@/lib/errors";
import { notifyClient } from "@/lib/scheduling/appointments/client-notice";
import { MESSAGES } from "./booking-checks";
import { selectMyAppointments, toPortalDto } from "./portal-appointments";
import { searchOnlineSlots } from "./slot-search";
import type { PortalAppointmentDto, RescheduleInput } from "./schemas";
import { assertMayMove, RESCHEDULE_MESSAGES } from "./reschedule-checks";

/**
 * Moves the client's own appointment to another free time with the same therapist. It is one
 * update of the same row in one transaction, so the old time is given up only when the new one
 * is held (the database's exclusion constraints settle a race with another booking). The clinic
 * gets the change in its calendar; the client gets the "changed" message with the new time.
 */
export async function rescheduleMyAppointment(
  db: Db,
  actor: Actor,
  appointmentId: string,
  input: RescheduleInput,
  now = new Date(),
): Promise<PortalAppointmentDto> {
  assertCan(actor, "portal.self");
  const { appt, type, policy } = await assertMayMove(db, actor, appointmentId, now);
  if (appt.version !== input.version) throw conflict(RESCHEDULE_MESSAGES.changed, { reason: "stale" });
  const startsAt = new Date(input.startsAt);
  if (startsAt.getTime() === appt.startsAt.getTime()) throw conflict(RESCHEDULE_MESSAGES.sameTime);
  const [slot] = await searchOnlineSlots(db, actor, type, {
    from: startsAt,
    to: new Date(startsAt.getTime() + 60_000),
    now,
    therapistId: appt.therapistUserId,
    limit: 1,
    excludeAppointmentId: appt.id,
  });
  if (!slot || slot.start.getTime() !== startsAt.getTime()) throw conflict(MESSAGES.slotGone);
  const blocksUntil = new Date(slot.end.getTime() + type.bufferAfterMin * 60_000);
  try {
    await db.transaction(async (tx) => {
      const [own] = await tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            clinicScope(actor, appointments),
            eq(appointments.clientId, policy.clientId),
            ne(appointments.id, appt.id),
            inArray(appointments.status, ["booked", "arrived"]),
            lt(appointments.startsAt, slot.end),
            gt(appointments.endsAt, startsAt),
          ),
        )
        .limit(1);
      if (own) throw conflict(MESSAGES.overlapsOwn);
      // Only the version the client saw, still booked: a staff edit or a cancel in between wins.
      const [moved] = await tx
        .update(appointments)
        .set({
          startsAt,
          endsAt: slot.end,
          blocksUntil,
          roomId: slot.roomId,
          version: appt.version + 1,
          updatedAt: now,
        })
        .where(
          and(
            clinicScope(actor, appointments),
            eq(appointments.id, appt.id),
            eq(appointments.status, "booked"),
            eq(appointments.version, appt.version),
          ),
        )
        .returning({ id: appointments.id });
      if (!moved) throw conflict(RESCHEDULE_MESSAGES.changed, { reason: "stale" });
      // A new time deserves a new reminder (as when the clinic moves it).
      await tx
        .delete(appointmentReminders)
        .where(and(eq(appointmentReminders.clinicId, actor.clinicId), eq(appointmentReminders.appointmentId, appt.id)));
      await recordEvent(tx, actor, {
        action: "appointment.moved",
        entityType: "appointment",
        entityId: appt.id,
        details: { via: "portal", fields: ["startsAt", "endsAt"], from: appt.startsAt.toISOString() },
      });
      // No Undo window here (the clinic has one for its own moves): the client asked for it, so tell them now.
      await notifyClient(tx, { clinicId: actor.clinicId, appointmentId: appt.id, event: "changed" }, { delayMs: 0 });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (sqlState(err) === "23P01") throw conflict(MESSAGES.slotGone);
    throw err;
  }
  const [after] = await selectMyAppointments(db, actor, eq(appointments.id, appt.id));
  return toPortalDto(after!, policy.cancellationNoticeHours, now);
}
