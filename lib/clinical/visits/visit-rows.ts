import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicMuscles, findings, muscles, triggerPoints, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { FindingDto, VisitSummary } from "../schemas";

// What the visit use-cases share: the row lock the writes take, the status the reads show, and the
// findings of a visit with their muscle and point (also read by the chart history and the programme builder).

/** The visit row, locked for this transaction, or NOT_FOUND. */
export async function lockVisit(tx: Db, actor: Actor, visitId: string) {
  const [row] = await tx
    .select()
    .from(visits)
    .where(and(clinicScope(actor, visits), eq(visits.id, visitId)))
    .for("update");
  if (!row) throw notFound("That visit");
  return row;
}

export function visitStatusOf(v: { signedAt: Date | null }, amendmentCount: number): VisitSummary["status"] {
  if (!v.signedAt) return "draft";
  return amendmentCount > 0 ? "amended" : "signed";
}

// Correlated subqueries name the outer table literally: drizzle leaves columns unqualified
// in single-table selects, which would silently bind them to the inner table instead.
const findingColumns = {
  id: findings.id,
  triggerPointId: findings.triggerPointId,
  muscleId: triggerPoints.muscleId,
  clinicMuscleId: triggerPoints.clinicMuscleId,
  muscleName: sql<string>`coalesce(${muscles.name}, ${clinicMuscles.name}, 'Unknown muscle')`,
  side: triggerPoints.side,
  label: triggerPoints.label,
  view: findings.view,
  x: findings.x,
  y: findings.y,
  templateId: findings.templateId,
  templateVersion: findings.templateVersion,
  type: findings.type,
  status: findings.status,
  tautBand: findings.tautBand,
  localTwitch: findings.localTwitch,
  referredPain: findings.referredPain,
  referralRegions: findings.referralRegions,
  tenderness: findings.tenderness,
  pptTrials: findings.pptTrials,
  pptKpaMean: findings.pptKpaMean,
  meetsConsensus: findings.meetsConsensus,
  treatment: findings.treatment,
  response: findings.response,
  note: findings.note,
  version: findings.version,
  firstSeenVisit: sql<
    string | null
  >`(select f0.visit_id from findings f0 join visits v0 on v0.clinic_id = f0.clinic_id and v0.id = f0.visit_id
    where f0.clinic_id = findings.clinic_id and f0.trigger_point_id = findings.trigger_point_id order by v0.started_at, f0.created_at limit 1)`,
};

/** Findings of some visits (scoped to the actor's clinic), with the muscle and point identity joined. */
export async function findingsOfVisits(db: Db, actor: Actor, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select({ ...findingColumns, visitId: findings.visitId })
    .from(findings)
    .innerJoin(
      triggerPoints,
      and(eq(triggerPoints.clinicId, findings.clinicId), eq(triggerPoints.id, findings.triggerPointId)),
    )
    .leftJoin(muscles, eq(muscles.id, triggerPoints.muscleId))
    .leftJoin(
      clinicMuscles,
      and(eq(clinicMuscles.clinicId, triggerPoints.clinicId), eq(clinicMuscles.id, triggerPoints.clinicMuscleId)),
    )
    .where(and(clinicScope(actor, findings), inArray(findings.visitId, visitIds)))
    .orderBy(asc(findings.createdAt), asc(findings.id));
}

export function toFindingDto(r: Awaited<ReturnType<typeof findingsOfVisits>>[number]): FindingDto {
  const { firstSeenVisit, visitId, ...rest } = r;
  return { ...rest, carriedForward: firstSeenVisit !== null && firstSeenVisit !== visitId };
}
