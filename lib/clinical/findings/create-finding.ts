import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { findings, triggerPoints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { CURRENT_TEMPLATE_REF } from "@/lib/clinical/rules/template";
import type { createFindingBody } from "../schemas";
import { rememberAlgometerUnit } from "../algometer-unit";
import { assertMuscle, derived, draftVisitOrThrow } from "./finding-writes";

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
