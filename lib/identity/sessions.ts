import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { sessions } from "@/db/schema";

/** No session outlives this, however active (HIPAA-style re-authentication at least daily). */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000;
/**
 * Activity is written at most once a minute per session, so a busy page costs a read, not a write.
 * The idle timeout is therefore exact to within this much.
 */
export const TOUCH_AFTER_MS = 60_000;

export type EndReason = NonNullable<typeof sessions.$inferSelect.endedReason>;

export interface SessionStart {
  userId: string;
  userAgent?: string | null;
  address?: string | null;
}

/** Records a new signed-in browser; the returned id goes into the JWT as `sid`. */
export async function startSession(db: Db, start: SessionStart, now = new Date()): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: start.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
      userAgent: (start.userAgent ?? "").slice(0, 400),
      address: start.address?.slice(0, 100) ?? null,
    })
    .returning({ id: sessions.id });
  return row!.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user of a live session, or null when it has ended, passed its absolute lifetime, sat idle
 * too long or belongs to a disabled login. One statement by primary key; the idle limit is the
 * strictest of the clinics where the person is staff (clients of a clinic have none: the portal
 * is theirs alone), read live so a changed clinic setting applies at once.
 */
export async function checkSession(db: Db, sid: unknown, now = new Date()): Promise<{ userId: string } | null> {
  if (typeof sid !== "string" || !UUID.test(sid)) return null;
  const result = await db.execute(sql`
    select s.user_id, s.last_seen_at,
      (select min(c.staff_idle_timeout_minutes) from memberships m join clinics c on c.id = m.clinic_id
        where m.user_id = s.user_id and m.revoked_at is null and m.role in ('admin', 'therapist')) as idle_minutes
    from sessions s join users u on u.id = s.user_id
    where s.id = ${sid} and s.ended_at is null and s.expires_at > ${now.toISOString()} and u.disabled_at is null`);
  const [row] = rowsOf<{ user_id: string; last_seen_at: string | Date; idle_minutes: number | null }>(result);
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (row.idle_minutes !== null && now.getTime() - lastSeen >= Number(row.idle_minutes) * 60_000) {
    await endSession(db, sid, "idle", now);
    return null;
  }
  if (now.getTime() - lastSeen >= TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sid), isNull(sessions.endedAt)));
  }
  return { userId: row.user_id };
}

/** Ends one session (sign-out); a no-op when it already ended. */
export async function endSession(db: Db, sid: string, reason: EndReason, now = new Date()): Promise<void> {
  if (!UUID.test(sid)) return;
  await db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.id, sid), isNull(sessions.endedAt)));
}

/**
 * Ends every live session of a login, except `keep` (the browser that changed the password or
 * pressed "sign out everywhere else"). Returns how many ended.
 */
export async function endUserSessions(
  db: Db,
  userId: string,
  reason: EndReason,
  options: { keep?: string | null; now?: Date } = {},
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: options.now ?? new Date(), endedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        options.keep && UUID.test(options.keep) ? ne(sessions.id, options.keep) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** Ended and expired sessions are kept a while for the devices page history, then deleted. */
export async function pruneSessions(db: Db, now = new Date(), keepDays = 30): Promise<void> {
  const before = new Date(now.getTime() - keepDays * 24 * 60 * 60_000);
  await db.execute(sql`delete from sessions where expires_at < ${before.toISOString()}`);
}
