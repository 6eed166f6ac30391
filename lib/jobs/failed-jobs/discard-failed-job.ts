import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { lockFailed } from "./lock-failed";

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
