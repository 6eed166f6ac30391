import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds, memberships } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import { newToken } from "@/lib/identity/tokens";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, notFound } from "@/lib/errors";
import type { CalendarFeedStatusDto, CreatedCalendarFeedDto } from "./schemas";

/** The feed's address. The token is the only secret: whoever holds the URL reads the diary. */
export function feedUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/api/calendar-feeds/${token}/feed.ics`;
}

/**
 * A therapist manages their own feed; an admin may manage anyone's (to revoke a link a
 * therapist lost, say). Someone who is not a therapist of this clinic is NOT_FOUND.
 */
async function assertFeedOwner(db: Db, actor: Actor, therapistId: string) {
  assertCan(actor, "schedule.manage");
  const [therapist] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.clinicId, actor.clinicId),
        eq(memberships.userId, therapistId),
        eq(memberships.role, "therapist"),
        isNull(memberships.revokedAt),
      ),
    );
  if (!therapist) throw notFound("That therapist");
  if (!can(actor, "clinic.settings") && actor.userId !== therapistId) {
    throw new AppError("FORBIDDEN", "You can manage only your own calendar feed.");
  }
}

const live = (actor: Actor, therapistId: string) =>
  and(
    clinicScope(actor, calendarFeeds),
    eq(calendarFeeds.therapistUserId, therapistId),
    isNull(calendarFeeds.revokedAt),
  );

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
