import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, visitPainScores } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid } from "@/lib/errors";
import type { visitPainBody } from "./schemas";
import { getVisitPain } from "./get-visit-pain";
import { visitOrThrow, type VisitPain } from "./visit-pain";

/** Records NPRS before/after per complaint on a draft visit; all or nothing. */
export async function setVisitPain(
  db: Db,
  actor: Actor,
  visitId: string,
  input: z.output<typeof visitPainBody>,
): Promise<VisitPain> {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    const v = await visitOrThrow(tx, actor, visitId);
    if (v.signedAt) throw conflict("This visit is signed and locked. Add an amendment to correct it.");
    const ids = input.scores.map((s) => s.complaintId);
    const own = ids.length
      ? await tx
          .select({ id: complaints.id })
          .from(complaints)
          .where(and(clinicScope(actor, complaints), eq(complaints.clientId, v.clientId), inArray(complaints.id, ids)))
      : [];
    if (own.length !== new Set(ids).size)
      throw invalid("A pain score refers to a complaint of another client.", { scores: ["Unknown complaint."] });
    for (const s of input.scores) {
      await tx
        .insert(visitPainScores)
        .values({ clinicId: actor.clinicId, visitId, complaintId: s.complaintId, before: s.before, after: s.after })
        .onConflictDoUpdate({
          target: [visitPainScores.clinicId, visitPainScores.visitId, visitPainScores.complaintId],
          set: { before: s.before, after: s.after, updatedAt: new Date() },
        });
    }
    await recordEvent(tx, actor, {
      action: "visit.pain_recorded",
      entityType: "visit",
      entityId: visitId,
      details: { complaints: ids.length },
    });
  });
  return getVisitPain(db, actor, visitId);
}
