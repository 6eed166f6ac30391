import "server-only";
import type { Db } from "@/db/client";
import { calendarFeeds } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { recordEvent } from "@/lib/audit/record-event";
import type { CalendarFeedStatusDto } from "./schemas";
import { assertFeedOwner, live } from "./feed-access";

/** Revokes the therapist's feed: its URL answers 404 from now on. */
export async function revokeCalendarFeed(db: Db, actor: Actor, therapistId: string): Promise<CalendarFeedStatusDto> {
  await assertFeedOwner(db, actor, therapistId);
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(live(actor, therapistId))
      .returning({ id: calendarFeeds.id });
    if (revoked.length > 0) {
      await recordEvent(tx, actor, {
        action: "calendar_feed.revoked",
        entityType: "therapist",
        entityId: therapistId,
        details: { feeds: revoked.length },
      });
    }
  });
  return { therapistId, active: false, createdAt: null };
}
