import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, visitPainScores, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { toComplaintDto } from "./complaints";
import type { ComplaintDto, visitPainBody } from "./schemas";

export interface VisitPain {
  complaints: ComplaintDto[];
  scores: { complaintId: string; before: number | null; after: number | null }[];
}

async function visitOrThrow(db: Db, actor: Actor, visitId: string) {
  const [v] = await db
    .select({ id: visits.id, clientId: visits.clientId, signedAt: visits.signedAt })
    .from(visits)
    .where(and(clinicScope(actor, visits), eq(visits.id, visitId)));
  if (!v) throw notFound("That visit");
  return v;
}

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
