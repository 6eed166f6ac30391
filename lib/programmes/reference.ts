import { z } from "zod";
import data from "@/db/seed/reference/domain-data.json";

/*
 * Typed view of the SMR parts of the reference seed (domain-data.json).
 * The JSON is parsed once with zod so a malformed edit to the seed fails loudly at import
 * (and in the tests) instead of surfacing as `undefined` deep inside the programme builder.
 */

import { toolId } from "./tool-ids";
export { TOOL_IDS, type ToolId } from "./tool-ids";

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

export const smrExercise = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  tool: toolId,
  target_muscles: z.array(z.string().min(1)).min(1),
  instructions: z.string(),
  dosage: libraryDosage,
  // Free text written for clients, including the standard sentences below.
  cautions: z.array(z.string()),
  // Ids into safety.standard_cautions (reference v2): precautions.ts links these by id. Clinic
  // exercises have none (their cautions are the clinic's own text).
  standard_cautions: z.array(z.string()).default([]),
});
export type SmrExercise = z.infer<typeof smrExercise>;

const pressureBand = z.object({ min: z.number().optional(), max: z.number().optional(), client_text: z.string() });

const safety = z.object({
  /** Client wording, shown on every exercise in the portal. */
  stop_rules: z.array(z.string()).min(1),
  /** The same rules in clinical terms, same order (index i matches index i). */
  stop_rules_clinician: z.array(z.string()).min(1),
  /** The 0-10 discomfort scale behind "light" and "usual" pressure (an app convention for clinician sign-off). */
  pressure_scale: z.object({
    scale: z.string(),
    light: pressureBand.extend({ max: z.number() }),
    usual: pressureBand.extend({ min: z.number(), max: z.number() }),
    too_much: pressureBand.extend({ min: z.number() }),
    basis: z.string(),
  }),
  standard_cautions: z.record(z.string(), z.object({ text: z.string().min(1), applies_to: z.string() })),
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
if (SAFETY.stop_rules.length !== SAFETY.stop_rules_clinician.length)
  throw new Error("Reference stop_rules and stop_rules_clinician must pair up one to one.");
for (const e of SMR_LIBRARY)
  for (const id of e.standard_cautions)
    if (!SAFETY.standard_cautions[id]) throw new Error(`${e.id}: unknown standard caution "${id}".`);

export type StandardCautionId = keyof typeof SAFETY.standard_cautions & string;

const regionByMuscle = new Map(parsed.muscles.map((m) => [m.id, m.region]));
const nameByMuscle = new Map(parsed.muscles.map((m) => [m.id, m.name]));

/**
 * A library muscle's name as shipped. The muscles table holds the same rows (syncReferenceData brings it to
 * this file's version on every start), so the portal names a programme's muscles without a round trip.
 */
export function libraryMuscleName(id: string): string | undefined {
  return nameByMuscle.get(id);
}

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
