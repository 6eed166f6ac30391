import "server-only";
import { and, asc, desc, eq, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { users, visitAmendments, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { displayName } from "@/lib/clients/format";
import { notFound } from "@/lib/errors";
import type { VisitDetail } from "../schemas";
import { findingsOfVisits, toFindingDto, visitStatusOf } from "./visit-rows";

const signer = alias(users, "signer");

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
