import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { questionnaireResponses } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import { scoreResponse } from "@/lib/outcomes/rules/score";
import { conflict, invalid } from "@/lib/errors";
import { instrumentForClinic } from "../instruments";
import { assertAssignment } from "../assignments/active-assignments";
import type { submitBody } from "../schemas";

/**
 * Scores and stores a completed questionnaire: raw answers and the computed score side by
 * side. From the portal (the client's own) or on a tablet in the clinic (clinical.write).
 */
export async function submitResponse(db: Db, actor: Actor, clientId: string, input: z.output<typeof submitBody>) {
  const viaPortal = actor.clientId === clientId;
  assertCan(actor, viaPortal ? "portal.self" : "clinical.write");
  await getClientOrThrow(db, actor, clientId);
  const { def, dto } = await instrumentForClinic(db, actor.clinicId, input.instrumentId);
  if (dto.needsClinicWording)
    throw conflict(`${def.name} needs the clinic's licensed wording before it can be filled in.`);
  if (input.assignmentId) await assertAssignment(db, actor, clientId, input.assignmentId, input.instrumentId);
  const scored = scoreResponse(def, input.answers);
  // Too many skipped sections is not a mistake to correct (a client may rightly leave "sex life" or
  // "driving" blank): the answers are kept without a score, and the reason is shown instead.
  const unscoredReason =
    !scored.success && scored.error.issues.every((i) => i.code === "too_many_skipped")
      ? scored.error.issues.map((i) => i.message).join(" ")
      : null;
  if (!scored.success && unscoredReason === null) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of scored.error.issues)
      (fieldErrors[["answers", ...issue.path].join(".")] ??= []).push(issue.message);
    throw invalid("Some answers need attention.", fieldErrors);
  }
  const result = scored.success ? scored.data : null;
  const answered = Object.values(input.answers).filter((v) => v !== null && v !== undefined).length;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(questionnaireResponses)
      .values({
        clinicId: actor.clinicId,
        clientId,
        assignmentId: input.assignmentId ?? null,
        instrumentId: def.id,
        instrumentVersion: def.version,
        answers: input.answers,
        itemLabels: input.itemLabels,
        score: result?.score ?? null,
        unscoredReason,
        itemsAnswered: result?.itemsAnswered ?? answered,
        proRated: result?.proRated ?? false,
        source: viaPortal ? "portal" : "clinic",
        enteredBy: actor.userId,
      })
      .returning({ id: questionnaireResponses.id });
    await recordEvent(tx, actor, {
      action: "questionnaire.completed",
      entityType: "questionnaire_response",
      entityId: row!.id,
      details: { instrumentId: def.id, scored: result !== null },
    });
    return {
      id: row!.id,
      score: result?.score ?? null,
      scoreRange: { ...def.range },
      proRated: result?.proRated ?? false,
      interpretation: result?.interpretation ?? null,
      unscoredReason,
    };
  });
}
