import "server-only";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { pruneRateLimits } from "./rate-limit";
import { pruneSessions } from "./sessions";

/** How long the raw sign-in log is kept (failures of known logins are also in the audit trail). */
const LOGIN_ATTEMPTS_KEEP_DAYS = 90;

/** Deletes finished rate-limit windows, long-ended sessions and old sign-in attempts (job loop). */
export async function pruneSecurityRecords(db: Db, now = new Date()): Promise<void> {
  await pruneRateLimits(db, now);
  await pruneSessions(db, now);
  await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, new Date(now.getTime() - LOGIN_ATTEMPTS_KEEP_DAYS * 24 * 60 * 60_000)));
}
