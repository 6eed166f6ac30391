import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import type { FailedJob } from "../schemas";
import { lockFailed } from "./lock-failed";

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
