import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { createVisit } from "@/lib/clinical/visits/create-visit";
import { assertDiaryWith, lockAppointment } from "./appointment-access";

/**
 * Opens the visit for an appointment, or returns the one already linked: the appointment row
 * is locked first, so two clicks (or two therapists) at once still make one visit. The visit
 * starts at the appointment's time, and a booked client is marked arrived — they are in the room.
 */
export async function openVisitFromAppointment(
  db: Db,
  actor: Actor,
  appointmentId: string,
): Promise<{ visitId: string; created: boolean }> {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    const row = await lockAppointment(tx, actor, appointmentId);
    assertDiaryWith(
      "You can open visits only from your own appointments. Move the appointment to you first (drag it to your column in the calendar).",
      actor,
      row.therapistUserId,
    );
    if (row.visitId) return { visitId: row.visitId, created: false };
    if (row.status === "cancelled" || row.status === "no_show") {
      throw conflict(
        "This appointment was cancelled or missed, so it has no visit. Open a visit from the client's record if they came after all.",
      );
    }
    const visit = await createVisit(tx, actor, row.clientId, { startedAt: row.startsAt.toISOString() });
    await tx
      .update(appointments)
      .set({
        visitId: visit.id,
        status: row.status === "booked" ? "arrived" : row.status,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(clinicScope(actor, appointments), eq(appointments.id, row.id)));
    await recordEvent(tx, actor, {
      action: "appointment.visit_opened",
      entityType: "appointment",
      entityId: row.id,
      details: { visitId: visit.id },
    });
    return { visitId: visit.id, created: true };
  });
}
