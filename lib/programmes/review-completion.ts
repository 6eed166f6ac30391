import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { programmeCompletions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid, notFound } from "@/lib/errors";
import type { ClockOptions } from "./clock";

/** The therapist has seen an adverse report: it leaves the needs-attention list. Idempotent. */
export async function reviewCompletion(db: Db, actor: Actor, completionId: string, opts: ClockOptions = {}) {
  assertCan(actor, "programmes.write");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: programmeCompletions.id,
        adverse: programmeCompletions.adverse,
        reviewedAt: programmeCompletions.reviewedAt,
        clientId: programmeCompletions.clientId,
      })
      .from(programmeCompletions)
      .where(and(clinicScope(actor, programmeCompletions), eq(programmeCompletions.id, completionId)))
      .for("update");
    if (!row) throw notFound("That report");
    if (!row.adverse) throw invalid("Only reports of numbness, tingling or shooting pain need marking as seen.");
    if (row.reviewedAt) return { id: row.id, reviewedAt: row.reviewedAt.toISOString() };
    const reviewedAt = opts.now ?? new Date();
    await tx
      .update(programmeCompletions)
      .set({ reviewedAt })
      .where(and(clinicScope(actor, programmeCompletions), eq(programmeCompletions.id, completionId)));
    await recordEvent(tx, actor, {
      action: "programme.adverse_reviewed",
      entityType: "programme_completion",
      entityId: completionId,
      details: { clientId: row.clientId },
    });
    return { id: row.id, reviewedAt: reviewedAt.toISOString() };
  });
}
