import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { triggerPoints, type ExerciseSnapshot } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { exerciseCatalogue } from "@/lib/programmes/exercises/catalogue";
import { invalid, type FieldErrors } from "@/lib/errors";
import { validateWithOverride, type Dosage } from "./dosage";
import { clientFacts } from "./load";
import { screenExercise } from "./precautions";
import { stopRulesFor } from "./programme-rules";
import type { programmeItemInput } from "./schemas";

export interface PreparedItem {
  exerciseKey: string;
  snapshot: ExerciseSnapshot;
  dosage: Dosage;
  overrideReason: string | null;
  flags: { precaution: string; message: string }[];
  note: string;
  triggerPointId: string | null;
}

/**
 * Checks every item of a programme for this client and returns what to store. All problems are
 * collected (not just the first) so the builder can mark each item at once:
 * - the exercise must be in the clinic's catalogue;
 * - the dosage must parse, and values above the safe range need an override with a reason;
 * - the precaution screen must not block it (flags are kept and shown wherever the item is);
 * - a linked trigger point must be this client's.
 */
export async function prepareItems(
  tx: Db,
  actor: Actor,
  clientId: string,
  items: readonly z.output<typeof programmeItemInput>[],
): Promise<PreparedItem[]> {
  const pointIds = [...new Set(items.map((i) => i.triggerPointId).filter((id): id is string => Boolean(id)))];
  const [catalogue, facts, points] = await Promise.all([
    exerciseCatalogue(tx, actor),
    clientFacts(tx, actor, clientId),
    pointIds.length
      ? tx
          .select({ id: triggerPoints.id })
          .from(triggerPoints)
          .where(
            and(
              clinicScope(actor, triggerPoints),
              eq(triggerPoints.clientId, clientId),
              inArray(triggerPoints.id, pointIds),
            ),
          )
      : Promise.resolve([]),
  ]);
  const byKey = new Map(catalogue.map((e) => [e.id, e]));
  const ownPoints = new Set(points.map((p) => p.id));
  const fieldErrors: FieldErrors = {};
  const messages: string[] = [];
  const prepared: PreparedItem[] = [];

  items.forEach((item, n) => {
    const at = `items.${n}`;
    const exercise = byKey.get(item.exerciseKey);
    if (!exercise) {
      fieldErrors[`${at}.exerciseKey`] = ["That exercise is not in this clinic's library."];
      return;
    }
    const checked = validateWithOverride(item.dosage, exercise, item.override ?? undefined);
    if (!checked.ok && checked.code === "invalid") {
      for (const [field, errs] of Object.entries(checked.fieldErrors))
        if (errs?.length) fieldErrors[`${at}.dosage.${field}`] = errs;
    } else if (!checked.ok) {
      fieldErrors[`${at}.override.reason`] = [checked.message];
      messages.push(`Override required for “${exercise.name}”: ${checked.message}`);
    }
    const screen = screenExercise(exercise, facts.precautions, {
      technique: checked.ok ? checked.dosage.technique : undefined,
    });
    const blocks = screen.reasons.filter((r) => r.verdict === "block");
    if (blocks.length) {
      fieldErrors[`${at}.exerciseKey`] = blocks.map((b) => b.text);
      messages.push(`“${exercise.name}” cannot be prescribed for this client: ${blocks.map((b) => b.text).join(" ")}`);
    }
    if (item.triggerPointId && !ownPoints.has(item.triggerPointId)) {
      fieldErrors[`${at}.triggerPointId`] = ["Choose one of this client's trigger points."];
    }
    if (!checked.ok || blocks.length) return;
    prepared.push({
      exerciseKey: exercise.id,
      snapshot: {
        name: exercise.name,
        tool: exercise.tool,
        targetMuscles: [...exercise.target_muscles],
        instructions: exercise.instructions,
        cautions: [...exercise.cautions],
        standardCautions: [...exercise.standard_cautions],
        stopRules: stopRulesFor(exercise),
      },
      dosage: checked.dosage,
      overrideReason: checked.override?.reason ?? null,
      flags: screen.reasons
        .filter((r) => r.verdict === "flag")
        .map((r) => ({ precaution: r.precaution, message: r.text })),
      note: item.note,
      triggerPointId: item.triggerPointId ?? null,
    });
  });

  if (Object.keys(fieldErrors).length > 0) {
    throw invalid(messages[0] ?? "Some exercises need attention.", fieldErrors);
  }
  return prepared;
}
