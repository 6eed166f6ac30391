import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { conflict, notFound } from "@/lib/errors";

/** Locks one of the clinic's failed jobs; NOT_FOUND for absent, another clinic's, platform or healthy ones. */
export async function lockFailed(tx: Db, actor: Actor, jobId: string) {
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
