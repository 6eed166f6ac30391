import "server-only";
import { and, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import type { FailedJob, FailedJobs } from "./schemas";

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

/** Locks one of the clinic's failed jobs; NOT_FOUND for absent, another clinic's, platform or healthy ones. */
async function lockFailed(tx: Db, actor: Actor, jobId: string) {
  const [job] = await tx
    .select({ id: jobs.id, name: jobs.name, status: jobs.status, lastError: jobs.lastError })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.clinicId, actor.clinicId)))
    .for("update");
  const isFailed = job?.status === "dead" || (job?.status === "queued" && job.lastError !== null);
  if (!job || !isFailed) {
    if (job?.status === "running") throw conflict("That job is running right now. Try again when it has finished.");
    throw notFound("That failed job");
  }
  return job;
}

/**
 * Runs a failed job again now, with a fresh set of attempts. A job whose dedupe key a newer
 * job of the same kind already holds (say, a later reminder scan queued it again) is a conflict.
 */
export async function retryFailedJob(db: Db, actor: Actor, jobId: string): Promise<FailedJob> {
  assertCan(actor, "jobs.manage");
  return db.transaction(async (tx) => {
    const job = await lockFailed(tx, actor, jobId);
    const holder = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.name, job.name),
          sql`${jobs.dedupeKey} = (select dedupe_key from jobs where id = ${job.id})`,
          sql`${jobs.status} in ('queued', 'running')`,
          sql`${jobs.id} <> ${job.id}`,
        ),
      )
      .limit(1);
    if (holder.length > 0)
      throw conflict("A newer job doing the same work is already waiting; this one can be discarded.");
    const [row] = await tx
      .update(jobs)
      .set({ status: "queued", attempts: 0, runAt: sql`now()`, finishedAt: null, lockedUntil: null, lockedBy: null })
      .where(eq(jobs.id, job.id))
      .returning();
    await recordEvent(tx, actor, {
      action: "job.retried",
      entityType: "job",
      entityId: job.id,
      details: { name: job.name },
    });
    return {
      id: row!.id,
      name: row!.name,
      status: "retrying",
      attempts: row!.attempts,
      maxAttempts: row!.maxAttempts,
      lastError: row!.lastError,
      createdAt: row!.createdAt.toISOString(),
      nextAttemptAt: row!.runAt.toISOString(),
      diedAt: null,
    };
  });
}

/** Gives up on a failed job for good: the row is deleted (the audit trail keeps who and which kind). */
export async function discardFailedJob(db: Db, actor: Actor, jobId: string): Promise<void> {
  assertCan(actor, "jobs.manage");
  await db.transaction(async (tx) => {
    const job = await lockFailed(tx, actor, jobId);
    await tx.delete(jobs).where(eq(jobs.id, job.id));
    await recordEvent(tx, actor, {
      action: "job.discarded",
      entityType: "job",
      entityId: job.id,
      details: { name: job.name },
    });
  });
}
