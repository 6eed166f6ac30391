import "server-only";
import { and, eq, gt, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { FreedSlotSummary } from "./schemas";
import { slotRows, matchingContext, matchesFor } from "./slot-matching";

const RECENT_DAYS = 7;

/** Future appointments cancelled in the last 7 days whose time is still free and that someone on the waitlist would take. */
export async function recentlyFreedSlots(db: Db, actor: Actor): Promise<FreedSlotSummary[]> {
  assertCan(actor, "schedule.manage");
  const now = new Date();
  const slots = (
    await slotRows(
      db,
      actor,
      and(
        eq(appointments.status, "cancelled"),
        gte(appointments.cancelledAt, new Date(now.getTime() - RECENT_DAYS * 86_400_000)),
        gt(appointments.startsAt, now),
      ),
    )
  ).filter((s) => s.free);
  if (slots.length === 0) return [];
  const ctx = await matchingContext(db, actor);
  const out: FreedSlotSummary[] = [];
  // Two cancellations of one time (rebooked, cancelled again) are one freed slot.
  const seen = new Set<string>();
  for (const s of slots.slice(0, 50)) {
    const key = `${s.therapistId}|${s.startsAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = matchesFor(ctx, s, actor.clinicTimezone);
    if (found.length === 0) continue;
    const { start: _s, end: _e, blocksUntil: _b, clientId: _c, ...dto } = s;
    const best = found[0]!.entry;
    out.push({
      ...dto,
      matchCount: found.length,
      bestMatch: `${best.preferredName ?? best.firstName} ${best.lastName}`,
    });
  }
  return out;
}
