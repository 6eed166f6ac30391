import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds, memberships } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { newToken } from "@/lib/identity/tokens";
import { recordEvent } from "@/lib/audit/record-event";
import type { CreatedCalendarFeedDto } from "./schemas";
import { assertFeedOwner, live, feedUrl } from "./feed-access";

/**
 * Creates the therapist's feed, or rotates it: earlier URLs stop working at once. The token
 * is returned this once; only its SHA-256 is stored.
 */
export async function createCalendarFeed(
  db: Db,
  actor: Actor,
  therapistId: string,
  baseUrl: string,
): Promise<CreatedCalendarFeedDto> {
  await assertFeedOwner(db, actor, therapistId);
  const { token, tokenHash } = newToken();
  const createdAt = await db.transaction(async (tx) => {
    // Serializes two rotations of one therapist's feed, so only one live URL can remain.
    await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.clinicId, actor.clinicId),
          eq(memberships.userId, therapistId),
          eq(memberships.role, "therapist"),
        ),
      )
      .for("update");
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(live(actor, therapistId))
      .returning({ id: calendarFeeds.id });
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ clinicId: actor.clinicId, therapistUserId: therapistId, tokenHash })
      .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
    await recordEvent(tx, actor, {
      action: revoked.length > 0 ? "calendar_feed.rotated" : "calendar_feed.created",
      entityType: "therapist",
      entityId: therapistId,
      details: { feedId: row!.id },
    });
    return row!.createdAt;
  });
  return { therapistId, active: true, createdAt: createdAt.toISOString(), url: feedUrl(baseUrl, token) };
}
