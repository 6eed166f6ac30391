import "server-only";
import { notifyClient } from "./client-notice";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentReminders, appointments, appointmentTypes, rooms } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { assertDiary, assertOffersType, assertVersion, clinicTherapist, lockAppointment } from "./appointment-access";
import type { AppointmentView, MoveAppointmentInput } from "./calendar-schemas";
import { describeConflict, type Placement } from "./conflict";
import { getAppointment } from "./get-appointment";
import { assertWithinHours } from "./working-hours";

const MIN_MINUTES = 5;
const MAX_MINUTES = 480;

/**
 * Moves and/or resizes an appointment: new start and end, therapist or room. The editor's
 * `version` must be current (409 otherwise); the database's exclusion constraints refuse an
 * overlap (409 naming it); the buffer after the appointment moves with its end.
 */
export async function moveAppointment(
  db: Db,
  actor: Actor,
  appointmentId: string,
  input: MoveAppointmentInput,
): Promise<AppointmentView> {
  assertCan(actor, "schedule.manage");
  let placement: Placement | undefined;
  try {
    await db.transaction(async (tx) => {
      const row = await lockAppointment(tx, actor, appointmentId);
      const therapistUserId = input.therapistUserId ?? row.therapistUserId;
      assertDiary(actor, row.therapistUserId, therapistUserId);
      assertVersion(row, input.version);
      if (row.status === "cancelled" || row.status === "no_show") {
        throw conflict("A cancelled or missed appointment cannot be moved. Book a new one instead.");
      }
      // Once the visit is open (or the appointment is completed) its time is the clinical record's.
      if (row.status === "completed" || (row.status === "arrived" && row.visitId)) {
        throw conflict(
          row.status === "completed"
            ? "A completed appointment cannot be moved or resized."
            : "This appointment's visit is already open, so it cannot be moved or resized.",
          { reason: "started" },
        );
      }
      const startsAt = input.startsAt ? new Date(input.startsAt) : row.startsAt;
      // Moving keeps the length unless a new end is given; resizing changes only the end.
      const endsAt = input.endsAt
        ? new Date(input.endsAt)
        : new Date(startsAt.getTime() + (row.endsAt.getTime() - row.startsAt.getTime()));
      const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
      if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
        throw invalid(`An appointment lasts ${MIN_MINUTES} minutes to ${MAX_MINUTES / 60} hours.`, {
          endsAt: ["End after the start, at most 8 hours later."],
        });
      }
      const roomId = input.roomId === undefined ? row.roomId : input.roomId;
      const [type] = await tx
        .select({ bufferAfterMin: appointmentTypes.bufferAfterMin, needsRoom: appointmentTypes.needsRoom })
        .from(appointmentTypes)
        .where(and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, row.typeId)));
      if (type!.needsRoom && !roomId)
        throw invalid("This appointment type needs a room.", { roomId: ["Choose a room."] });
      if (roomId && roomId !== row.roomId) {
        const [room] = await tx
          .select({ id: rooms.id })
          .from(rooms)
          .where(and(clinicScope(actor, rooms), eq(rooms.id, roomId), isNull(rooms.archivedAt)));
        if (!room) throw notFound("That room");
      }
      const therapist = await clinicTherapist(tx, actor, therapistUserId);
      if (therapistUserId !== row.therapistUserId) await assertOffersType(tx, actor, row.typeId, therapist);
      const timeOrTherapistChanged =
        startsAt.getTime() !== row.startsAt.getTime() ||
        endsAt.getTime() !== row.endsAt.getTime() ||
        therapistUserId !== row.therapistUserId;
      if (timeOrTherapistChanged)
        await assertWithinHours(tx, actor, therapist, startsAt, endsAt, input.allowOutsideHours);

      const blocksUntil = new Date(endsAt.getTime() + type!.bufferAfterMin * 60_000);
      placement = { therapistUserId, roomId, startsAt, endsAt, blocksUntil, excludeId: row.id };
      await tx
        .update(appointments)
        .set({
          startsAt,
          endsAt,
          blocksUntil,
          therapistUserId,
          roomId,
          version: row.version + 1,
          updatedAt: new Date(),
        })
        .where(and(clinicScope(actor, appointments), eq(appointments.id, row.id)));
      // The reminder job sends one per appointment (a row here); a new time deserves a new
      // reminder. The old one's email stays in the outbox as the record of what was sent.
      if (startsAt.getTime() !== row.startsAt.getTime()) {
        await tx
          .delete(appointmentReminders)
          .where(
            and(eq(appointmentReminders.clinicId, actor.clinicId), eq(appointmentReminders.appointmentId, row.id)),
          );
      }
      const fields = [
        startsAt.getTime() !== row.startsAt.getTime() && "startsAt",
        endsAt.getTime() !== row.endsAt.getTime() && "endsAt",
        therapistUserId !== row.therapistUserId && "therapistUserId",
        roomId !== row.roomId && "roomId",
      ].filter(Boolean);
      // Told after the Undo window, from the appointment as it then is (lib/messaging).
      if (fields.length > 0 && input.notifyClient !== false && row.status === "booked")
        await notifyClient(tx, { clinicId: actor.clinicId, appointmentId: row.id, event: "changed" });
      await recordEvent(tx, actor, {
        action: "appointment.moved",
        entityType: "appointment",
        entityId: row.id,
        details: { fields, outsideHoursConfirmed: input.allowOutsideHours || undefined },
      });
    });
  } catch (err) {
    if (sqlState(err) === "23P01" && placement) {
      throw new AppError("CONFLICT", await describeConflict(db, actor, placement), undefined, { reason: "overlap" });
    }
    throw err;
  }
  return getAppointment(db, actor, appointmentId);
}
