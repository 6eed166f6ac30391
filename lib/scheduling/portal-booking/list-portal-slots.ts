import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { searchOnlineSlots, slotsByDay } from "./slot-search";
import type { PortalSlotsDto } from "./schemas";
import { assertMayBook } from "./booking-checks";

/** Free slots over the next `days` days, grouped by clinic-local date. */
export async function listPortalSlots(
  db: Db,
  actor: Actor,
  typeId: string,
  q: { therapistId?: string; days: number },
  now = new Date(),
): Promise<PortalSlotsDto> {
  assertCan(actor, "portal.self");
  const { type } = await assertMayBook(db, actor, typeId);
  const to = new Date(now.getTime() + q.days * 86_400_000);
  const slots = await searchOnlineSlots(db, actor, type, {
    from: now,
    to,
    now,
    therapistId: q.therapistId,
    limit: q.days * 48,
  });
  return slotsByDay(slots, actor.clinicTimezone);
}
