import "server-only";
import { and, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import type { FailedJob, FailedJobs } from "../schemas";

const LIST_LIMIT = 200;

/** Dead, or queued again after a failure: the jobs an admin may need to look at. */
const failed = or(eq(jobs.status, "dead"), and(eq(jobs.status, "queued"), isNotNull(jobs.lastError)));

/**
 * The clinic's failed jobs, newest first. Scoped to the actor's clinic: platform jobs
 * (clinic_id null, e.g. password-reset mail) and other clinics' jobs are never listed.
 * Explicit columns: the payload is never read.
 */
export async function listFailedJobs(db: Db, actor: Actor): Promise<FailedJobs> {
  assertCan(actor, "jobs.manage");
  const rows = await db
    .select({
      id: jobs.id,
      name: jobs.name,
      status: jobs.status,
      attempts: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      runAt: jobs.runAt,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .where(and(eq(jobs.clinicId, actor.clinicId), failed))
    .orderBy(desc(sql`coalesce(${jobs.finishedAt}, ${jobs.runAt})`))
    .limit(LIST_LIMIT + 1);
  return {
    jobs: rows.slice(0, LIST_LIMIT).map((r): FailedJob => ({
      id: r.id,
      name: r.name,
      status: r.status === "dead" ? "dead" : "retrying",
      attempts: r.attempts,
      maxAttempts: r.maxAttempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      nextAttemptAt: r.status === "dead" ? null : r.runAt.toISOString(),
      diedAt: r.status === "dead" ? (r.finishedAt?.toISOString() ?? null) : null,
    })),
    truncated: rows.length > LIST_LIMIT,
  };
}
