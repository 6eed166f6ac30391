import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { searchOnlineSlots, slotsByDay } from "./slot-search";
import type { PortalSlotsDto } from "./schemas";
import { assertMayMove } from "./reschedule-checks";

/** Free times for the same type with the same therapist; the appointment's own time counts as free. */
export async function listRescheduleSlots(
  db: Db,
  actor: Actor,
  appointmentId: string,
  q: { days: number },
  now = new Date(),
): Promise<PortalSlotsDto> {
  assertCan(actor, "portal.self");
  const { appt, type } = await assertMayMove(db, actor, appointmentId, now);
  const slots = await searchOnlineSlots(db, actor, type, {
    from: now,
    to: new Date(now.getTime() + q.days * 86_400_000),
    now,
    therapistId: appt.therapistUserId,
    limit: q.days * 48,
    excludeAppointmentId: appt.id,
  });
  const others = slots.filter((s) => s.start.getTime() !== appt.startsAt.getTime());
  return slotsByDay(others, actor.clinicTimezone);
}
