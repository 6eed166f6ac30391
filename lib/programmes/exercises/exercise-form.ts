import { z } from "zod";
import { createExerciseBody, EXERCISE_TOOLS, type CreateExerciseBody, type ExerciseDto } from "./schemas";

/*
 * The exercise form's values are what the inputs hold (text, one step or caution per line) and
 * it is validated by converting to the request body and parsing that with createExerciseBody,
 * so the form and the API share one set of rules and messages. Server field errors use the
 * body's paths ("dosage.sets"); formField() maps them back onto the inputs.
 */

export const exerciseFormValues = z.object({
  name: z.string(),
  tool: z.union([z.enum(EXERCISE_TOOLS), z.literal("")]),
  muscles: z.array(z.string()),
  steps: z.string(),
  cautions: z.string(),
  dosageKind: z.enum(["hold", "rolling"]),
  seconds: z.string(),
  rangeMin: z.string(),
  rangeMax: z.string(),
  sets: z.string(),
  timesPerDay: z.string(),
  daysPerWeek: z.string(),
});
export type ExerciseFormValues = z.infer<typeof exerciseFormValues>;
export type ExerciseFormField = keyof ExerciseFormValues;

const num = (s: string): number | undefined => (s.trim() === "" ? undefined : Number(s.trim()));
const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The request body the form's values stand for (unvalidated). */
export function formToBody(v: ExerciseFormValues): CreateExerciseBody {
  const key = v.dosageKind === "hold" ? "hold_seconds" : "duration_seconds";
  const lo = num(v.rangeMin);
  const hi = num(v.rangeMax);
  return {
    name: v.name,
    tool: v.tool as CreateExerciseBody["tool"],
    targetMuscles: v.muscles,
    instructions: lines(v.steps).join("\n"),
    cautions: lines(v.cautions),
    dosage: {
      [key]: num(v.seconds),
      ...(lo !== undefined || hi !== undefined ? { [`${key}_range`]: [lo, hi] } : {}),
      sets: num(v.sets),
      ...(v.timesPerDay.trim() ? { times_per_day: num(v.timesPerDay) } : {}),
      frequency_per_week: num(v.daysPerWeek),
    } as CreateExerciseBody["dosage"],
  };
}

const DOSAGE_FIELDS: Record<string, ExerciseFormField> = {
  hold_seconds: "seconds",
  duration_seconds: "seconds",
  hold_seconds_range: "rangeMin",
  duration_seconds_range: "rangeMin",
  sets: "sets",
  times_per_day: "timesPerDay",
  frequency_per_week: "daysPerWeek",
};
const TOP_FIELDS: Record<string, ExerciseFormField> = {
  name: "name",
  tool: "tool",
  targetMuscles: "muscles",
  instructions: "steps",
  cautions: "cautions",
};

/** The form input a body path ("dosage.hold_seconds_range.1", "targetMuscles") belongs to. */
export function formField(path: readonly (string | number)[] | string): ExerciseFormField | null {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  if (parts[0] === "dosage") {
    const field = DOSAGE_FIELDS[parts[1] ?? ""] ?? "seconds";
    return field === "rangeMin" && parts[2] === "1" ? "rangeMax" : field;
  }
  return TOP_FIELDS[parts[0] ?? ""] ?? null;
}

export const exerciseFormSchema = exerciseFormValues.superRefine((v, ctx) => {
  const r = createExerciseBody.safeParse(formToBody(v));
  if (r.success) return;
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const field = formField(issue.path as (string | number)[]) ?? "name";
    if (seen.has(field)) continue;
    seen.add(field);
    ctx.addIssue({ code: "custom", path: [field], message: issue.message });
  }
});

export const emptyExerciseForm: ExerciseFormValues = {
  name: "",
  tool: "",
  muscles: [],
  steps: "",
  cautions: "",
  dosageKind: "hold",
  seconds: "60",
  rangeMin: "30",
  rangeMax: "90",
  sets: "2",
  timesPerDay: "1",
  daysPerWeek: "7",
};

/** An exercise as the form shows it. */
export function dtoToForm(e: ExerciseDto): ExerciseFormValues {
  const d = e.dosage as Record<string, unknown>;
  const hold = typeof d.hold_seconds === "number";
  const str = (x: unknown) => (typeof x === "number" ? String(x) : "");
  const range = (hold ? d.hold_seconds_range : d.duration_seconds_range) as unknown[] | undefined;
  return {
    name: e.name,
    tool: (EXERCISE_TOOLS as readonly string[]).includes(e.tool) ? (e.tool as ExerciseFormValues["tool"]) : "",
    muscles: e.targetMuscles.map((m) => m.id),
    steps: e.instructions,
    cautions: e.cautions.join("\n"),
    dosageKind: hold ? "hold" : "rolling",
    seconds: str(hold ? d.hold_seconds : d.duration_seconds),
    rangeMin: str(range?.[0]),
    rangeMax: str(range?.[1]),
    sets: str(d.sets),
    timesPerDay: str(d.times_per_day),
    daysPerWeek: str(d.frequency_per_week),
  };
}
