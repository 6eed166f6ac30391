import "server-only";
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { config } from "@/lib/config";
import { devSecret } from "./dev-secret";

/**
 * Fixed-window counters in PostgreSQL, one atomic statement per hit: the same upsert that
 * rate-limiter-flexible's RateLimiterPostgres runs, in our own table because that store cannot
 * talk to PGlite (it wants a pg Client/Pool and passes query objects PGlite does not accept),
 * reads Date.now() (no injected clock for tests), and prunes with its own timers.
 * Concurrent hits on one key serialise on the row, so of N simultaneous attempts exactly the
 * first `limit` see points <= limit: nothing can "count, then insert" past the limit.
 */
export interface Limit {
  /** Namespaced key, e.g. `signin:account:ana@example.com`. */
  key: string;
  limit: number;
  windowMs: number;
}

export interface Hit {
  allowed: boolean;
  points: number;
  /** When the window ends (a refusal can say how long to wait). */
  resetAt: Date;
}

/**
 * Counts one hit on each limit in ONE statement (a multi-row upsert) and returns each counter,
 * in the order given. Keys are locked in sorted order, so two attempts sharing an address and a
 * password can never deadlock each other.
 */
export async function hitAll(db: Db, limits: readonly Limit[], now = new Date()): Promise<Hit[]> {
  const at = now.toISOString();
  const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const values = sql.join(
    sorted.map((l) => sql`(${l.key}, 1, ${new Date(now.getTime() + l.windowMs).toISOString()}::timestamptz)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    insert into rate_limits (key, points, expires_at) values ${values}
    on conflict (key) do update set
      points = case when rate_limits.expires_at <= ${at} then 1 else rate_limits.points + 1 end,
      expires_at = case when rate_limits.expires_at <= ${at} then excluded.expires_at else rate_limits.expires_at end
    returning key, points, expires_at`);
  const byKey = new Map(
    rowsOf<{ key: string; points: number; expires_at: string | Date }>(result).map((r) => [r.key, r]),
  );
  return limits.map((l) => {
    const row = byKey.get(l.key)!;
    const points = Number(row.points);
    return { allowed: points <= l.limit, points, resetAt: new Date(row.expires_at) };
  });
}

/** Takes one hit back (a successful sign-in from a shared clinic address should not use up its budget). */
export async function refund(db: Db, key: string, now = new Date()): Promise<void> {
  await db.execute(
    sql`update rate_limits set points = greatest(points - 1, 0) where key = ${key} and expires_at > ${now.toISOString()}`,
  );
}

/** Clears a counter (the account's own after a successful sign-in or a password reset). */
export async function clearLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Deletes finished windows; the job loop calls it. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const result = await db.execute(sql`delete from rate_limits where expires_at <= ${now.toISOString()} returning key`);
  return rowsOf(result).length;
}

/**
 * A key for "this password was tried": an HMAC under the server secret, shortened, so the
 * table never holds a password or an offline-guessable hash of one, yet the same password
 * sprayed across many accounts lands on one counter.
 */
export function passwordKey(password: string): string {
  const secret = config().NEXTAUTH_SECRET ?? devSecret();
  return createHmac("sha256", secret).update(`pw:${password}`).digest("base64url").slice(0, 16);
}
