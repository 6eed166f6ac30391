import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, visitPainScores } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { toComplaintDto } from "./complaints/complaint-rows";
import { visitOrThrow, type VisitPain } from "./visit-pain";

/** The client's open complaints (and any scored at this visit) with this visit's NPRS scores. */
export async function getVisitPain(db: Db, actor: Actor, visitId: string): Promise<VisitPain> {
  assertCan(actor, "clinical.read");
  const v = await visitOrThrow(db, actor, visitId);
  const scores = await db
    .select({ complaintId: visitPainScores.complaintId, before: visitPainScores.before, after: visitPainScores.after })
    .from(visitPainScores)
    .where(and(clinicScope(actor, visitPainScores), eq(visitPainScores.visitId, visitId)));
  const rows = await db
    .select()
    .from(complaints)
    .where(and(clinicScope(actor, complaints), eq(complaints.clientId, v.clientId)));
  const scored = new Set(scores.map((s) => s.complaintId));
  return { complaints: rows.filter((c) => c.status === "open" || scored.has(c.id)).map(toComplaintDto), scores };
}
