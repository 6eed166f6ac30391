import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { findings, triggerPoints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import type { updateFindingBody } from "../schemas";
import { rememberAlgometerUnit } from "../algometer-unit";
import { assertMuscle, derived, draftVisitOrThrow } from "./finding-writes";

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
