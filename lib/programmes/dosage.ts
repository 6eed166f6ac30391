import { z } from "zod";
import type { SmrExercise } from "./reference";
import { toolId, type ToolId } from "./tool-ids";

/*
 * SMR dosage: what a client is asked to do for one programme item.
 * Ranges come from the reference (domain README §7, smr_exercises[].dosage). Per-exercise
 * ranges win; the technique-wide guidance below only fills gaps, e.g. when a clinician asks for
 * a sustained hold on a foam-roller exercise whose library entry only has a rolling range.
 */

export const TECHNIQUES = ["sustained_pressure", "rolling", "percussion"] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** Massage-gun heads. The reference says start with a soft/round head (hence the default). */
export const GUN_ATTACHMENTS = ["round", "cushion", "flat", "fork", "bullet", "wedge"] as const;

/** Which techniques make sense with which tool; percussion is only ever the gun, and vice versa. */
export const TECHNIQUES_BY_TOOL: Record<ToolId, readonly Technique[]> = {
  massage_ball: ["sustained_pressure", "rolling"],
  foam_roller: ["rolling", "sustained_pressure"],
  massage_stick: ["rolling", "sustained_pressure"],
  handheld_tool: ["sustained_pressure"],
  percussive_gun: ["percussion"],
  hands: ["sustained_pressure"],
};

type Range = readonly [min: number, max: number];

/** Technique-wide guidance from README §7, used where the exercise has no range of its own. */
export const GUIDANCE = {
  /** "good hurt" is roughly 4–6/10; above that is no longer tolerable pressure. */
  intensity: [0, 6],
  holdSeconds: [30, 90],
  /** Rolling 30–120 s per muscle per set; percussion ~30–120 s per muscle (less for small areas). */
  secondsPerMuscle: [30, 120],
  sets: [1, 3],
  spots: [1, 3],
  /** Percussion: "total session ≲10–15 min"; one item alone must stay under the lower bound. */
  percussionSecondsPerSession: [0, 600],
} as const satisfies Record<string, Range>;

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const isoDay = z
  .number({ error: "Days of the week are numbers 1 (Monday) to 7 (Sunday)." })
  .int("Days of the week are numbers 1 (Monday) to 7 (Sunday).")
  .min(1, "Days of the week are numbers 1 (Monday) to 7 (Sunday).")
  .max(7, "Days of the week are numbers 1 (Monday) to 7 (Sunday).");

export const dosageSchema = z
  .object({
    tool: toolId,
    attachment: z.enum(GUN_ATTACHMENTS, { error: "Choose a massage-gun head." }).optional(),
    technique: z.enum(TECHNIQUES, { error: "Choose sustained pressure, rolling or percussion." }),
    intensity: int("Intensity (0–10 tolerable scale)", 0, 10),
    secondsPerSpot: int("Seconds per spot", 1, 3600).optional(),
    secondsPerMuscle: int("Seconds per muscle", 1, 3600).optional(),
    spots: int("Spots", 1, 20).optional(),
    passes: int("Passes", 1, 200).optional(),
    sets: int("Sets", 1, 10),
    restSeconds: int("Rest", 0, 600),
    sessionsPerDay: int("Sessions per day", 1, 6),
    daysOfWeek: z
      .array(isoDay)
      .min(1, "Choose at least one day of the week.")
      .refine((d) => new Set(d).size === d.length, "Each day of the week can be chosen once.")
      .transform((d) => [...d].sort((a, b) => a - b)),
  })
  .superRefine((d, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!TECHNIQUES_BY_TOOL[d.tool].includes(d.technique)) {
      add(
        "technique",
        `This technique does not fit the tool; use ${TECHNIQUES_BY_TOOL[d.tool].join(" or ").replaceAll("_", " ")}.`,
      );
    }
    if (d.attachment && d.tool !== "percussive_gun") add("attachment", "Only a massage gun takes an attachment.");
    if (d.technique === "sustained_pressure" && d.secondsPerSpot === undefined) {
      add("secondsPerSpot", "Sustained pressure needs a hold time per spot.");
    }
    if (d.technique !== "sustained_pressure" && d.secondsPerMuscle === undefined) {
      add("secondsPerMuscle", "Rolling and percussion need a time per muscle.");
    }
    // The reference says keep the gun moving and never linger: a hold time would invite exactly that.
    if (d.technique === "percussion" && d.secondsPerSpot !== undefined) {
      add("secondsPerSpot", "Keep a massage gun moving: percussion has a time per muscle, not a hold per spot.");
    }
    if (d.spots !== undefined && d.technique !== "sustained_pressure")
      add("spots", "Spots apply to sustained pressure; use passes.");
    if (d.passes !== undefined && d.technique === "sustained_pressure")
      add("passes", "Passes apply to rolling or percussion; use spots.");
  });

export type Dosage = z.output<typeof dosageSchema>;
export type DosageInput = z.input<typeof dosageSchema>;

/** Library dosage → technique: the gun percusses, a hold time means pressure, otherwise rolling. */
export function defaultTechnique(exercise: SmrExercise): Technique {
  if (exercise.tool === "percussive_gun") return "percussion";
  return exercise.dosage.hold_seconds !== undefined ? "sustained_pressure" : "rolling";
}

const midpoint = ([lo, hi]: Range) => Math.round((lo + hi) / 2);

/**
 * Starting dosage for an exercise from its library entry. Choices the library does not make:
 * intensity 4 (the bottom of "good hurt" — start light and progress), 2 spots (middle of 1–3),
 * 30 s rest, one session a day, and the library's days per week as the first N days from Monday.
 */
export function defaultDosage(exercise: SmrExercise): Dosage {
  const lib = exercise.dosage;
  const technique = defaultTechnique(exercise);
  const hold =
    technique === "sustained_pressure"
      ? (lib.hold_seconds ?? midpoint(lib.hold_seconds_range ?? GUIDANCE.holdSeconds))
      : undefined;
  const perMuscle =
    technique === "sustained_pressure"
      ? undefined
      : (lib.duration_seconds ?? midpoint(lib.duration_seconds_range ?? GUIDANCE.secondsPerMuscle));
  return {
    tool: exercise.tool,
    attachment: exercise.tool === "percussive_gun" ? "round" : undefined,
    technique,
    intensity: 4,
    secondsPerSpot: hold,
    secondsPerMuscle: perMuscle,
    spots: technique === "sustained_pressure" ? 2 : undefined,
    passes: undefined,
    sets: lib.sets,
    restSeconds: 30,
    sessionsPerDay: 1,
    daysOfWeek: Array.from({ length: lib.frequency_per_week }, (_, i) => i + 1),
  };
}

export type DosageField =
  "intensity" | "secondsPerSpot" | "secondsPerMuscle" | "sets" | "spots" | "percussionSecondsPerSession";

export interface DosageIssue {
  field: DosageField;
  value: number;
  safeRange: Range;
  direction: "above" | "below";
  /**
   * Above the range is a safety question and needs an override with a reason. Below it is only
   * "may be too little to help": the reference itself says start shorter for sensitive clients,
   * so forcing an override there would add friction exactly where caution is right.
   */
  requiresOverride: boolean;
  message: string;
}

const LABEL: Record<DosageField, string> = {
  intensity: "Intensity",
  secondsPerSpot: "Hold per spot",
  secondsPerMuscle: "Time per muscle",
  sets: "Sets",
  spots: "Spots per muscle",
  percussionSecondsPerSession: "Massage-gun time for this item",
};

/**
 * A clinic's own exercise may narrow the reference's guidance but never widen it: its range is cut
 * to the guidance, so a long hold written into a clinic exercise still needs an override.
 */
function withinGuidance(range: Range | undefined, guidance: Range, exercise: SmrExercise): Range {
  if (!range) return guidance;
  if (!exercise.id.startsWith("clinic:")) return range;
  const lo = Math.max(range[0], guidance[0]);
  const hi = Math.min(range[1], guidance[1]);
  return lo <= hi ? [lo, hi] : guidance;
}

/** The range each dosage field is checked against for this exercise. */
export function safeRanges(exercise: SmrExercise): Record<DosageField, Range> {
  return {
    intensity: GUIDANCE.intensity,
    secondsPerSpot: withinGuidance(exercise.dosage.hold_seconds_range, GUIDANCE.holdSeconds, exercise),
    secondsPerMuscle: withinGuidance(exercise.dosage.duration_seconds_range, GUIDANCE.secondsPerMuscle, exercise),
    sets: GUIDANCE.sets,
    spots: GUIDANCE.spots,
    percussionSecondsPerSession: GUIDANCE.percussionSecondsPerSession,
  };
}

/** Out-of-range values for a (schema-valid) dosage, against the exercise's and the reference's ranges. */
export function checkDosage(dosage: Dosage, exercise: SmrExercise): DosageIssue[] {
  const ranges = safeRanges(exercise);
  const values: Partial<Record<DosageField, number>> = {
    intensity: dosage.intensity,
    secondsPerSpot: dosage.secondsPerSpot,
    secondsPerMuscle: dosage.secondsPerMuscle,
    sets: dosage.sets,
    spots: dosage.spots,
    percussionSecondsPerSession:
      dosage.technique === "percussion" && dosage.secondsPerMuscle !== undefined
        ? dosage.secondsPerMuscle * dosage.sets
        : undefined,
  };
  const issues: DosageIssue[] = [];
  for (const field of Object.keys(LABEL) as DosageField[]) {
    const value = values[field];
    if (value === undefined) continue;
    const [min, max] = ranges[field];
    if (value > max) {
      issues.push({
        field,
        value,
        safeRange: ranges[field],
        direction: "above",
        requiresOverride: true,
        message: `${LABEL[field]} ${value} is above the safe range ${min}–${max} for “${exercise.name}”.`,
      });
    } else if (value < min) {
      issues.push({
        field,
        value,
        safeRange: ranges[field],
        direction: "below",
        requiresOverride: false,
        message: `${LABEL[field]} ${value} is below the usual range ${min}–${max}; it may be too little to help.`,
      });
    }
  }
  return issues;
}

export const dosageOverrideSchema = z.object({
  reason: z.string().trim().min(5, "Say why this client needs a dosage outside the safe range.").max(500),
});
export type DosageOverride = z.infer<typeof dosageOverrideSchema>;

export type DosageValidation =
  | { ok: true; dosage: Dosage; issues: DosageIssue[]; override: DosageOverride | null }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string[] | undefined>; issues: DosageIssue[] }
  | { ok: false; code: "override_required"; message: string; issues: DosageIssue[] };

/**
 * Parses and checks a dosage for an exercise. Values above a safe range are refused unless an
 * override with a reason is given; the override is returned only when it was actually needed,
 * so stored overrides always mean "the clinician knowingly exceeded guidance".
 */
export function validateWithOverride(
  input: unknown,
  exercise: SmrExercise,
  override?: { reason: string },
): DosageValidation {
  const parsed = dosageSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, code: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors, issues: [] };
  const dosage = parsed.data;
  if (dosage.tool !== exercise.tool) {
    return {
      ok: false,
      code: "invalid",
      issues: [],
      fieldErrors: {
        tool: [
          `“${exercise.name}” uses a ${exercise.tool.replaceAll("_", " ")}; pick a substitute exercise for another tool.`,
        ],
      },
    };
  }
  const issues = checkDosage(dosage, exercise);
  if (!issues.some((i) => i.requiresOverride)) return { ok: true, dosage, issues, override: null };
  const reason = dosageOverrideSchema.safeParse(override ?? {});
  if (!reason.success) {
    const why = override
      ? (reason.error.issues[0]?.message ?? "Give a reason.")
      : "An override with a reason is required.";
    return {
      ok: false,
      code: "override_required",
      issues,
      message: `${issues
        .filter((i) => i.requiresOverride)
        .map((i) => i.message)
        .join(" ")} ${why}`,
    };
  }
  return { ok: true, dosage, issues, override: reason.data };
}
