import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { clinicMuscles, findings, muscles, triggerPoints, users, visitAmendments, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import { displayName } from "@/lib/clients/format";
import { notFound } from "@/lib/errors";
import type { ClientVisitsPage, ClientVisitsQuery, FindingDto, VisitDetail, VisitSummary } from "./schemas";

const signer = alias(users, "signer");

export function visitStatusOf(v: { signedAt: Date | null }, amendmentCount: number): VisitSummary["status"] {
  if (!v.signedAt) return "draft";
  return amendmentCount > 0 ? "amended" : "signed";
}

/**
 * One page of a client's visits, newest first, with their status, and how many there are in all.
 * Keyset-paged on (start, id) over visits_client_started_idx, so a client with hundreds of visits
 * sends one page and the next page costs what the first does (issue 16). The cursor carries the
 * start to the microsecond (a JavaScript Date keeps only milliseconds, which could skip a visit).
 */
export async function listClientVisits(
  db: Db,
  actor: Actor,
  clientId: string,
  q: ClientVisitsQuery = { limit: 20 },
): Promise<ClientVisitsPage> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const [afterStart, afterId] = q.after ? q.after.split("~") : [];
  const ofClient = and(clinicScope(actor, visits), eq(visits.clientId, clientId));
  const [[total], rows] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(visits)
      .where(ofClient),
    db
      .select({
        id: visits.id,
        clientId: visits.clientId,
        startedAt: visits.startedAt,
        signedAt: visits.signedAt,
        therapistName: users.name,
        findingCount: sql<number>`(select count(*)::int from findings f where f.clinic_id = visits.clinic_id and f.visit_id = visits.id)`,
        activeCount: sql<number>`(select count(*)::int from findings f where f.clinic_id = visits.clinic_id and f.visit_id = visits.id and f.type = 'active' and f.status is distinct from 'resolved')`,
        amendmentCount: sql<number>`(select count(*)::int from visit_amendments a where a.clinic_id = visits.clinic_id and a.visit_id = visits.id)`,
        cursor: sql<string>`to_char(${visits.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z~"') || ${visits.id}::text`,
      })
      .from(visits)
      .innerJoin(users, eq(users.id, visits.therapistUserId))
      .where(
        and(
          ofClient,
          afterStart
            ? sql`(${visits.startedAt}, ${visits.id}) < (${afterStart}::timestamptz, ${afterId}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(visits.startedAt), desc(visits.id))
      .limit(q.limit + 1),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(({ amendmentCount, cursor: _cursor, ...r }) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      signedAt: r.signedAt?.toISOString() ?? null,
      status: visitStatusOf(r, amendmentCount),
    })),
    count: total?.n ?? 0,
    nextCursor: rows.length > q.limit ? (page.at(-1)?.cursor ?? null) : null,
  };
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

/** One visit with its findings, amendments and the previous visit's marks (ghosts), or NOT_FOUND. */
export async function getVisitOrThrow(db: Db, actor: Actor, visitId: string): Promise<VisitDetail> {
  assertCan(actor, "clinical.read");
  const [v] = await db
    .select({ visit: visits, therapistName: users.name, signedByName: signer.name })
    .from(visits)
    .innerJoin(users, eq(users.id, visits.therapistUserId))
    .leftJoin(signer, eq(signer.id, visits.signedBy))
    .where(and(clinicScope(actor, visits), eq(visits.id, visitId)));
  if (!v) throw notFound("That visit");
  const client = await getClientOrThrow(db, actor, v.visit.clientId);
  const [previous] = await db
    .select({ id: visits.id, startedAt: visits.startedAt })
    .from(visits)
    .where(
      and(clinicScope(actor, visits), eq(visits.clientId, v.visit.clientId), lt(visits.startedAt, v.visit.startedAt)),
    )
    .orderBy(desc(visits.startedAt))
    .limit(1);
  const [own, prev, amendments] = await Promise.all([
    findingsOfVisits(db, actor, [visitId]),
    previous ? findingsOfVisits(db, actor, [previous.id]) : Promise.resolve([]),
    db
      .select({
        id: visitAmendments.id,
        reason: visitAmendments.reason,
        body: visitAmendments.body,
        createdAt: visitAmendments.createdAt,
        authorName: users.name,
      })
      .from(visitAmendments)
      .innerJoin(users, eq(users.id, visitAmendments.authorUserId))
      .where(and(clinicScope(actor, visitAmendments), eq(visitAmendments.visitId, visitId)))
      .orderBy(asc(visitAmendments.createdAt)),
  ]);
  const findingDtos = own.map(toFindingDto);
  const { visit } = v;
  return {
    id: visit.id,
    clientId: visit.clientId,
    clientName: displayName(client),
    startedAt: visit.startedAt.toISOString(),
    therapistName: v.therapistName,
    status: visitStatusOf(visit, amendments.length),
    signedAt: visit.signedAt?.toISOString() ?? null,
    signedByName: v.signedByName ?? null,
    findingCount: findingDtos.length,
    activeCount: findingDtos.filter((f) => f.type === "active" && f.status !== "resolved").length,
    subjective: visit.subjective,
    objective: visit.objective,
    assessment: visit.assessment,
    plan: visit.plan,
    painRegions: visit.painRegions,
    version: visit.version,
    updatedAt: visit.updatedAt.toISOString(),
    findings: findingDtos,
    previousVisit: previous
      ? {
          id: previous.id,
          startedAt: previous.startedAt.toISOString(),
          marks: prev
            .filter((f) => f.status !== "resolved")
            .map((f) => ({
              triggerPointId: f.triggerPointId,
              view: f.view,
              x: f.x,
              y: f.y,
              type: f.type,
              label: f.label,
              muscleName: f.muscleName,
              side: f.side,
            })),
        }
      : null,
    amendments: amendments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}
