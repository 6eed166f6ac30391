import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { CalendarFeedStatusDto } from "./schemas";
import { assertFeedOwner, live } from "./feed-access";

export async function getCalendarFeed(db: Db, actor: Actor, therapistId: string): Promise<CalendarFeedStatusDto> {
  await assertFeedOwner(db, actor, therapistId);
  const [feed] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(live(actor, therapistId))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return { therapistId, active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
}
