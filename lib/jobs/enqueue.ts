import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { JobDeclaration } from "./define";

export interface EnqueueOptions {
  /** The clinic the job belongs to (its admins see it if it dies); null for platform jobs. */
  clinicId?: string | null;
  /** Not before this instant (default: now). */
  runAt?: Date;
  /**
   * Makes enqueue idempotent: while a job of this name with this key is queued or running,
   * enqueueing again returns that job's id instead of adding one.
   */
  dedupeKey?: string;
}

/**
 * Adds a job. Call it INSIDE the transaction of its cause: the job exists if and only if the
 * cause committed, and no worker sees it before then. The payload is checked against the job's
 * schema here, so a bad payload fails the cause, not the worker. Returns the job id.
 */
export async function enqueue<P, I>(
  tx: Db,
  job: JobDeclaration<P, I>,
  payload: I,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = job.payload.parse(payload);
  const values = {
    clinicId: options.clinicId ?? null,
    name: job.name,
    payload: parsed as unknown,
    maxAttempts: job.maxAttempts,
    runAt: options.runAt ?? sql`now()`,
    dedupeKey: options.dedupeKey ?? null,
  };
  if (!options.dedupeKey) {
    const [row] = await tx.insert(jobs).values(values).returning({ id: jobs.id });
    return row!.id;
  }
  // Two tries: the job holding the key may finish between the conflict and the read.
  for (let i = 0; i < 3; i++) {
    const [row] = await tx
      .insert(jobs)
      .values(values)
      .onConflictDoNothing({
        target: [jobs.name, jobs.dedupeKey],
        where: sql`dedupe_key is not null and status in ('queued', 'running')`,
      })
      .returning({ id: jobs.id });
    if (row) return row.id;
    const [existing] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.name, job.name),
          eq(jobs.dedupeKey, options.dedupeKey),
          inArray(jobs.status, ["queued", "running"]),
        ),
      )
      .limit(1);
    if (existing) return existing.id;
  }
  throw new Error(`enqueue ${job.name}: dedupe key kept changing hands`);
}

/**
 * Withdraws a job that has not started: the one of this name and key still queued for this clinic.
 * A job already running or done is left alone (what it does cannot be taken back). Returns whether
 * one was withdrawn. Call it in the transaction of the decision, like enqueue.
 */
export async function withdrawQueued(
  tx: Db,
  job: { name: string },
  clinicId: string,
  dedupeKey: string,
): Promise<boolean> {
  const gone = await tx
    .delete(jobs)
    .where(
      and(
        eq(jobs.clinicId, clinicId),
        eq(jobs.name, job.name),
        eq(jobs.dedupeKey, dedupeKey),
        eq(jobs.status, "queued"),
      ),
    )
    .returning({ id: jobs.id });
  return gone.length > 0;
}
