import type { ClientPrecaution, ScreenResult } from "./precautions";
import { screenExercise } from "./precautions";
import { toolId } from "./tool-ids";
import type { LoadedItem } from "./load";

/**
 * Screens a prescribed item again against the client's precautions as they are now: a precaution
 * recorded after prescribing (a pregnancy, a fresh DVT) must reach both the portal and the therapist.
 * Works from the item's snapshot, so later edits to the library do not change the answer.
 */
export function rescreenItem(
  item: Pick<LoadedItem, "exerciseKey" | "snapshot" | "dosage">,
  precautions: readonly ClientPrecaution[],
): ScreenResult {
  const tool = toolId.safeParse(item.snapshot.tool);
  if (!tool.success || precautions.length === 0) return { verdict: "ok", reasons: [] };
  const exercise = {
    id: item.exerciseKey,
    name: item.snapshot.name,
    tool: tool.data,
    target_muscles: item.snapshot.targetMuscles,
    instructions: item.snapshot.instructions,
    cautions: item.snapshot.cautions,
    standard_cautions: item.snapshot.standardCautions ?? [],
    dosage: { sets: 1, frequency_per_week: 1 },
  };
  return screenExercise(exercise, precautions, { technique: item.dosage.technique });
}

/** The stored flags plus anything the screen finds now that was not there when prescribed. */
export function flagsNow(
  item: Pick<LoadedItem, "exerciseKey" | "snapshot" | "dosage" | "flags">,
  precautions: readonly ClientPrecaution[],
) {
  const known = new Set(item.flags.map((f) => `${f.precaution} ${f.message}`));
  const fresh = rescreenItem(item, precautions)
    .reasons.map((r) => ({
      precaution: r.precaution,
      message: `${r.verdict === "block" ? "Now ruled out" : "Now flagged"} (${r.label}): ${r.text}`,
    }))
    .filter((f) => !known.has(`${f.precaution} ${f.message}`));
  return [...item.flags, ...fresh];
}
