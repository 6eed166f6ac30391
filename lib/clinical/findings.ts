import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinicMuscles, findings, muscles, triggerPoints, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { meanKpa, meetsConsensus2of3, toKpa } from "@/lib/clinical/rules/ppt";
import { CURRENT_TEMPLATE_REF } from "@/lib/clinical/rules/template";
import type { createFindingBody, updateFindingBody } from "./schemas";
import { rememberAlgometerUnit } from "./algometer-unit";

const LOCKED = "This visit is signed and locked. Add an amendment to correct it.";

/** The derived values, always recomputed from the raw inputs (never trusted from the client). */
function derived(f: {
  tautBand: boolean;
  referredPain: boolean;
  tenderness: number | null;
  pptTrials: { value: number; unit: "kgf/cm2" | "N/cm2" | "lbf/in2" | "kPa" }[];
}) {
  const mean = meanKpa(f.pptTrials.map((t) => toKpa(t.value, t.unit)));
  return {
    pptKpaMean: mean === null ? null : Math.round(mean * 10) / 10,
    meetsConsensus: meetsConsensus2of3({
      tautBand: f.tautBand,
      spotTenderness: (f.tenderness ?? 0) > 0,
      referredPain: f.referredPain,
    }),
  };
}

async function draftVisitOrThrow(tx: Db, actor: Actor, visitId: string) {
  const [v] = await tx
    .select({ id: visits.id, clientId: visits.clientId, signedAt: visits.signedAt })
    .from(visits)
    .where(and(clinicScope(actor, visits), eq(visits.id, visitId)))
    .for("update");
  if (!v) throw notFound("That visit");
  if (v.signedAt) throw conflict(LOCKED);
  return v;
}

async function assertMuscle(tx: Db, actor: Actor, m: { muscleId?: string | null; clinicMuscleId?: string | null }) {
  if (m.muscleId) {
    const [row] = await tx.select({ id: muscles.id }).from(muscles).where(eq(muscles.id, m.muscleId));
    if (!row) throw invalid("Choose a muscle from the library.", { muscleId: ["Choose a muscle from the library."] });
  } else if (m.clinicMuscleId) {
    const [row] = await tx
      .select({ id: clinicMuscles.id })
      .from(clinicMuscles)
      .where(and(clinicScope(actor, clinicMuscles), eq(clinicMuscles.id, m.clinicMuscleId)));
    if (!row)
      throw invalid("Choose a muscle from the library.", { clinicMuscleId: ["Choose a muscle from the library."] });
  }
}

/** Places a new trigger point (a new identity) with its first finding on a draft visit. */
export async function createFinding(db: Db, actor: Actor, visitId: string, input: z.output<typeof createFindingBody>) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    const visit = await draftVisitOrThrow(tx, actor, visitId);
    await assertMuscle(tx, actor, input);
    const [point] = await tx
      .insert(triggerPoints)
      .values({
        clinicId: actor.clinicId,
        clientId: visit.clientId,
        muscleId: input.muscleId ?? null,
        clinicMuscleId: input.clinicMuscleId ?? null,
        side: input.side,
        label: input.label,
      })
      .returning({ id: triggerPoints.id });
    const { muscleId: _m, clinicMuscleId: _c, side: _s, label: _l, ...fields } = input;
    const [row] = await tx
      .insert(findings)
      .values({
        clinicId: actor.clinicId,
        visitId,
        triggerPointId: point!.id,
        ...fields,
        ...derived(fields),
        templateId: CURRENT_TEMPLATE_REF.templateId,
        templateVersion: CURRENT_TEMPLATE_REF.templateVersion,
        status: "new",
      })
      .returning({ id: findings.id });
    if (fields.pptTrials[0]) await rememberAlgometerUnit(tx, actor, fields.pptTrials[0].unit);
    await recordEvent(tx, actor, {
      action: "finding.created",
      entityType: "finding",
      entityId: row!.id,
      details: { visitId },
    });
    return { id: row!.id, triggerPointId: point!.id };
  });
}

/**
 * Edits a finding on a draft visit (position, palpation, today's status). Muscle and side
 * belong to the point's identity: they can change only while the point has no other history.
 */
export async function updateFinding(
  db: Db,
  actor: Actor,
  visitId: string,
  findingId: string,
  input: z.output<typeof updateFindingBody>,
) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    await draftVisitOrThrow(tx, actor, visitId);
    const [current] = await tx
      .select()
      .from(findings)
      .where(and(clinicScope(actor, findings), eq(findings.visitId, visitId), eq(findings.id, findingId)))
      .for("update");
    if (!current) throw notFound("That finding");
    if (current.version !== input.version)
      throw conflict("This finding was changed elsewhere since you loaded it. Reload to see the latest.");
    const { version: _v, muscleId, clinicMuscleId, side, label, ...fields } = input;
    if (muscleId !== undefined || clinicMuscleId !== undefined || side !== undefined || label !== undefined) {
      const identity: Partial<typeof triggerPoints.$inferInsert> = {};
      if (label !== undefined) identity.label = label;
      const changesIdentity = muscleId !== undefined || clinicMuscleId !== undefined || side !== undefined;
      if (changesIdentity) {
        const [{ others } = { others: 0 }] = await tx
          .select({ others: sql<number>`count(*)::int` })
          .from(findings)
          .where(
            and(
              clinicScope(actor, findings),
              eq(findings.triggerPointId, current.triggerPointId),
              ne(findings.id, findingId),
            ),
          );
        if (others > 0) {
          throw conflict(
            "This point has a history from earlier visits, so its muscle and side stay fixed. Mark it resolved and place a new point instead.",
          );
        }
        if (muscleId !== undefined || clinicMuscleId !== undefined) {
          await assertMuscle(tx, actor, { muscleId, clinicMuscleId });
          identity.muscleId = muscleId ?? null;
          identity.clinicMuscleId = clinicMuscleId ?? null;
        }
        if (side !== undefined) identity.side = side;
      }
      await tx
        .update(triggerPoints)
        .set(identity)
        .where(and(clinicScope(actor, triggerPoints), eq(triggerPoints.id, current.triggerPointId)));
    }
    const merged = { ...current, ...fields };
    const [row] = await tx
      .update(findings)
      .set({ ...fields, ...derived(merged), version: current.version + 1, updatedAt: new Date() })
      .where(and(clinicScope(actor, findings), eq(findings.id, findingId)))
      .returning({ version: findings.version });
    if (fields.pptTrials?.[0]) await rememberAlgometerUnit(tx, actor, fields.pptTrials[0].unit);
    await recordEvent(tx, actor, {
      action: "finding.updated",
      entityType: "finding",
      entityId: findingId,
      details: { visitId, fields: Object.keys(input).filter((k) => k !== "version") },
    });
    return { id: findingId, version: row!.version };
  });
}

/** Removes a point placed at this visit. Carried-forward points get a status instead. */
export async function deleteFinding(db: Db, actor: Actor, visitId: string, findingId: string) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    await draftVisitOrThrow(tx, actor, visitId);
    const [current] = await tx
      .select({ id: findings.id, triggerPointId: findings.triggerPointId })
      .from(findings)
      .where(and(clinicScope(actor, findings), eq(findings.visitId, visitId), eq(findings.id, findingId)));
    if (!current) throw notFound("That finding");
    const [{ others } = { others: 0 }] = await tx
      .select({ others: sql<number>`count(*)::int` })
      .from(findings)
      .where(
        and(
          clinicScope(actor, findings),
          eq(findings.triggerPointId, current.triggerPointId),
          ne(findings.id, findingId),
        ),
      );
    if (others > 0)
      throw conflict(
        "This point was carried forward from an earlier visit: set its status (resolved or not checked) instead of deleting it.",
      );
    await tx.delete(findings).where(and(clinicScope(actor, findings), eq(findings.id, findingId)));
    await tx
      .delete(triggerPoints)
      .where(and(clinicScope(actor, triggerPoints), eq(triggerPoints.id, current.triggerPointId)));
    await recordEvent(tx, actor, {
      action: "finding.deleted",
      entityType: "finding",
      entityId: findingId,
      details: { visitId },
    });
    return { id: findingId, deleted: true };
  });
}
