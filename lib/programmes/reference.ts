import { z } from "zod";
import data from "@/db/seed/reference/domain-data.json";

/*
 * Typed view of the SMR parts of the reference seed (domain-data.json).
 * The JSON is parsed once with zod so a malformed edit to the seed fails loudly at import
 * (and in the tests) instead of surfacing as `undefined` deep inside the programme builder.
 */

import { toolId } from "./tool-ids";
export { TOOL_IDS, toolId, type ToolId } from "./tool-ids";

const range = z
  .tuple([z.number().int().nonnegative(), z.number().int().positive()])
  .refine(([lo, hi]) => lo <= hi, "range must be [min, max]");

const libraryDosage = z.object({
  hold_seconds: z.number().int().positive().optional(),
  hold_seconds_range: range.optional(),
  duration_seconds: z.number().int().positive().optional(),
  duration_seconds_range: range.optional(),
  sets: z.number().int().positive(),
  frequency_per_week: z.number().int().min(1).max(7),
});
export type LibraryDosage = z.infer<typeof libraryDosage>;

export const smrExercise = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  tool: toolId,
  target_muscles: z.array(z.string().min(1)).min(1),
  instructions: z.string(),
  dosage: libraryDosage,
  // Free text written for clients; precautions.ts maps it to precaution ids (see there).
  cautions: z.array(z.string()),
});
export type SmrExercise = z.infer<typeof smrExercise>;

const safety = z.object({
  stop_rules: z.array(z.string()).min(1),
  contraindications_local_or_absolute: z.array(z.string()).min(1),
  precautions_modify_or_clear_first: z.array(z.string()).min(1),
  avoid_sites: z.array(z.string()),
  red_flags_refer: z.array(z.string()),
});
export type SafetyReference = z.infer<typeof safety>;

const muscle = z.object({ id: z.string(), name: z.string(), region: z.string() });

/** Body areas used for local precautions ("wound on the lower leg"); taken from muscles[].region. */
export const BODY_AREAS = [
  "head_jaw",
  "neck",
  "neck_shoulder",
  "shoulder",
  "chest",
  "upper_back",
  "back",
  "low_back",
  "forearm",
  "hip",
  "thigh",
  "lower_leg",
  "foot",
] as const;
export const bodyArea = z.enum(BODY_AREAS);
export type BodyArea = z.infer<typeof bodyArea>;

const parsed = z
  .object({
    smr_exercises: z.array(smrExercise),
    safety,
    muscles: z.array(muscle),
  })
  .parse(data);

export const SMR_LIBRARY: readonly SmrExercise[] = parsed.smr_exercises;
export const SAFETY: SafetyReference = parsed.safety;

const regionByMuscle = new Map(parsed.muscles.map((m) => [m.id, m.region]));

/**
 * Body areas an exercise works on, from its target muscles. Unknown muscles or regions are
 * returned as nothing rather than guessed; a test asserts every library muscle resolves.
 */
export function exerciseAreas(exercise: Pick<SmrExercise, "target_muscles">): Set<BodyArea> {
  const areas = new Set<BodyArea>();
  for (const m of exercise.target_muscles) {
    const r = bodyArea.safeParse(regionByMuscle.get(m));
    if (r.success) areas.add(r.data);
  }
  return areas;
}

export function findExercise(id: string, library: readonly SmrExercise[] = SMR_LIBRARY): SmrExercise | undefined {
  return library.find((e) => e.id === id);
}
