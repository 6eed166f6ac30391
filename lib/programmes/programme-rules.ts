import { GUIDANCE, type Dosage } from "./dosage";
import { SAFETY, type SmrExercise } from "./reference";

/*
 * Whole-programme advice (never blocking: the clinician decides) and the stop rules every item shows.
 */

/** Adherence falls as programmes grow (domain README §9: fewer exercises are done more often). */
export const GENTLE_ITEM_LIMIT = 5;

export interface ProgrammeItem {
  exercise: SmrExercise;
  dosage?: Dosage;
}

export type ProgrammeWarningCode =
  "empty" | "too_many_items" | "duplicate_exercise" | "same_muscle_twice" | "percussion_session_time";

export interface ProgrammeWarning {
  code: ProgrammeWarningCode;
  message: string;
  exerciseIds: string[];
}

const plain = (id: string) => id.replaceAll("_", " ");

/** Advice on the programme as a whole; an empty list means nothing to mention. */
export function programmeWarnings(items: readonly ProgrammeItem[]): ProgrammeWarning[] {
  const warnings: ProgrammeWarning[] = [];
  if (items.length === 0) {
    return [{ code: "empty", message: "Add at least one exercise to the programme.", exerciseIds: [] }];
  }
  if (items.length > GENTLE_ITEM_LIMIT) {
    warnings.push({
      code: "too_many_items",
      message:
        `This programme has ${items.length} exercises. People keep up far better with a short list, ` +
        `and two or three well-chosen exercises often do more than many. Consider keeping it to ${GENTLE_ITEM_LIMIT} or fewer.`,
      exerciseIds: items.map((i) => i.exercise.id),
    });
  }

  const counts = new Map<string, { exercise: SmrExercise; n: number }>();
  for (const { exercise } of items) {
    const c = counts.get(exercise.id);
    counts.set(exercise.id, { exercise, n: (c?.n ?? 0) + 1 });
  }
  for (const { exercise, n } of counts.values()) {
    if (n > 1) {
      warnings.push({
        code: "duplicate_exercise",
        message: `“${exercise.name}” is in the programme ${n} times; one entry with more sets or sessions is easier to follow.`,
        exerciseIds: [exercise.id],
      });
    }
  }

  // The same muscle from two different exercises (e.g. calf ball press + calf roll) doubles the load
  // the dosage ranges were written for. Duplicated exercises are reported above, so count distinct ones.
  const byMuscle = new Map<string, SmrExercise[]>();
  for (const { exercise } of counts.values()) {
    for (const m of exercise.target_muscles) byMuscle.set(m, [...(byMuscle.get(m) ?? []), exercise]);
  }
  for (const [muscle, exercises] of byMuscle) {
    if (exercises.length > 1) {
      warnings.push({
        code: "same_muscle_twice",
        message: `The ${plain(muscle)} is worked by ${exercises.map((e) => `“${e.name}”`).join(" and ")}; together that may be more than intended.`,
        exerciseIds: exercises.map((e) => e.id),
      });
    }
  }

  const gunItems = items.filter((i) => i.dosage?.technique === "percussion" && i.dosage.secondsPerMuscle !== undefined);
  const gunSeconds = gunItems.reduce((sum, i) => sum + (i.dosage?.secondsPerMuscle ?? 0) * (i.dosage?.sets ?? 1), 0);
  const [, gunMax] = GUIDANCE.percussionSecondsPerSession;
  if (gunSeconds > gunMax) {
    warnings.push({
      code: "percussion_session_time",
      message: `Massage-gun time adds up to about ${Math.round(gunSeconds / 60)} minutes a session; guidance keeps the whole session under 10–15 minutes.`,
      exerciseIds: gunItems.map((i) => i.exercise.id),
    });
  }
  return warnings;
}

/*
 * Exercise-specific stop rules are the caution sentences that tell the client to stop *if* something
 * happens. "Stop above the kneecap" is a boundary, not a stop rule, and "Stop and tell your therapist
 * if you feel numbness…" repeats the first general rule, so both patterns are left out on purpose.
 */
const SPECIFIC_STOP = /(^|;\s*)stop (if|at once|immediately)\b/i;

/**
 * Stop rules for one programme item: the reference's general rules (shown on every item, in the same
 * order so clients learn them) followed by this exercise's own "stop if…" cautions.
 */
export function stopRulesFor(exercise: Pick<SmrExercise, "cautions">): string[] {
  const specific = exercise.cautions.filter((c) => SPECIFIC_STOP.test(c));
  return [...new Set([...SAFETY.stop_rules, ...specific])];
}

/**
 * The same general rules in clinical terms for the builder and the clinician's views (reference v2
 * `stop_rules_clinician`, paired index for index with the client wording), then the exercise's own.
 */
export function clinicianStopRulesFor(exercise: Pick<SmrExercise, "cautions">): string[] {
  const specific = exercise.cautions.filter((c) => SPECIFIC_STOP.test(c));
  return [...new Set([...SAFETY.stop_rules_clinician, ...specific])];
}

/** The pressure words with their numbers on the 0-10 discomfort scale (reference v2 `pressure_scale`). */
export const PRESSURE_SCALE = {
  scale: SAFETY.pressure_scale.scale,
  bands: [
    {
      id: "light",
      label: `Light: ≤ ${SAFETY.pressure_scale.light.max}/10`,
      text: SAFETY.pressure_scale.light.client_text,
    },
    {
      id: "usual",
      label: `Usual: ${SAFETY.pressure_scale.usual.min}–${SAFETY.pressure_scale.usual.max}/10`,
      text: SAFETY.pressure_scale.usual.client_text,
    },
    {
      id: "too_much",
      label: `Too much: ≥ ${SAFETY.pressure_scale.too_much.min}/10`,
      text: SAFETY.pressure_scale.too_much.client_text,
    },
  ],
  basis: SAFETY.pressure_scale.basis,
} as const;
