import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds, memberships } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import { AppError, notFound } from "@/lib/errors";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

/** The feed's address. The token is the only secret: whoever holds the URL reads the diary. */
export function feedUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/api/calendar-feeds/${token}/feed.ics`;
}

/**
 * A therapist manages their own feed; an admin may manage anyone's (to revoke a link a
 * therapist lost, say). Someone who is not a therapist of this clinic is NOT_FOUND.
 */
export async function assertFeedOwner(db: Db, actor: Actor, therapistId: string) {
  assertCan(actor, "schedule.manage");
  const [therapist] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(currentTherapistOf(actor.clinicId), eq(memberships.userId, therapistId)));
  if (!therapist) throw notFound("That therapist");
  if (!can(actor, "clinic.settings") && actor.userId !== therapistId) {
    throw new AppError("FORBIDDEN", "You can manage only your own calendar feed.");
  }
}

export const live = (actor: Actor, therapistId: string) =>
  and(
    clinicScope(actor, calendarFeeds),
    eq(calendarFeeds.therapistUserId, therapistId),
    isNull(calendarFeeds.revokedAt),
  );
