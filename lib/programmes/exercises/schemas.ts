import { z } from "zod";
import { TOOL_IDS } from "@/lib/programmes/tool-ids";

/*
 * Request and response shapes of the exercise library API. Safe in the browser (the exercise
 * form validates with them), so nothing here may import the reference JSON (tool-ids.ts is plain).
 */

export const EXERCISE_TOOLS = TOOL_IDS;

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const range = (label: string, max: number) =>
  z
    .tuple([int(`${label} (lowest)`, 1, max), int(`${label} (highest)`, 1, max)])
    .refine(([lo, hi]) => lo <= hi, `${label}: the lowest must not be above the highest.`);

/**
 * Default dosage, in the shared library's shape (smr_exercises[].dosage) so the programme rules
 * read both alike: a hold time per spot or a rolling time per muscle (each with an optional safe
 * range), sets, days per week; `times_per_day` is the clinic's addition (the library implies once).
 */
export const exerciseDosage = z
  .object({
    hold_seconds: int("Hold time", 5, 600).optional(),
    hold_seconds_range: range("Hold range", 600).optional(),
    duration_seconds: int("Rolling time", 5, 1800).optional(),
    duration_seconds_range: range("Rolling range", 1800).optional(),
    sets: int("Sets", 1, 10),
    times_per_day: int("Times per day", 1, 6).optional(),
    frequency_per_week: int("Days per week", 1, 7),
  })
  .superRefine((d, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (d.hold_seconds === undefined && d.duration_seconds === undefined)
      add("hold_seconds", "Give a hold time or a rolling time.");
    const within = (v: number | undefined, r: readonly [number, number] | undefined, path: string, what: string) => {
      if (v !== undefined && r && (v < r[0] || v > r[1])) add(path, `The ${what} must lie within its range.`);
    };
    within(d.hold_seconds, d.hold_seconds_range, "hold_seconds", "hold time");
    within(d.duration_seconds, d.duration_seconds_range, "duration_seconds", "rolling time");
  });

const exerciseFields = {
  name: z
    .string()
    .trim()
    .min(3, "Give the exercise a name of at least 3 characters.")
    .max(120, "Keep the name under 120 characters."),
  tool: z.enum(EXERCISE_TOOLS, "Choose a tool."),
  targetMuscles: z
    .array(z.string().trim().min(1).max(80))
    .min(1, "Choose at least one target muscle.")
    .max(12, "Choose at most 12 muscles.")
    .refine((m) => new Set(m).size === m.length, "Each muscle once, please."),
  /** Step-by-step text written for clients: one step per line. */
  instructions: z
    .string()
    .trim()
    .min(10, "Write the steps (at least 10 characters).")
    .max(4000, "Keep the steps under 4,000 characters."),
  dosage: exerciseDosage,
  cautions: z
    .array(z.string().trim().min(1, "A caution cannot be empty.").max(300, "Keep each caution under 300 characters."))
    .max(12, "At most 12 cautions."),
};

export const createExerciseBody = z.object(exerciseFields);
export type CreateExerciseBody = z.infer<typeof createExerciseBody>;

/** Fields sent change; `version` is what the editor last saw (409 when someone saved since). */
export const updateExerciseBody = createExerciseBody.partial().extend({ version: z.number().int().min(1) });
export type UpdateExerciseBody = z.infer<typeof updateExerciseBody>;

/** A clinic exercise's id; the seeded ones have text ids and are never matched here (404). */
export const exerciseParams = z.object({ exerciseId: z.uuid() });

// Base64 of MAX_IMAGE_BYTES is 4/3 as long; the decoded size is checked exactly on the server.
const MAX_BASE64 = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;

/** The API is JSON-only, so a picture travels as base64; its bytes must match the declared type. */
export const putImageBody = z.object({
  contentType: z.enum(IMAGE_TYPES, "Use a PNG, JPEG or WebP picture."),
  dataBase64: z
    .string()
    .min(1, "Choose a picture.")
    .max(MAX_BASE64 + 4, "The picture is larger than 2 MB.")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The picture data is not valid base64."),
});

export const listExercisesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  tool: z.enum(EXERCISE_TOOLS).optional(),
  muscle: z.string().max(80).optional(),
  region: z.string().max(60).optional(),
  /** The management view also lists the clinic's archived exercises. */
  includeArchived: z.stringbool().optional(),
});
export type ListExercisesQuery = z.output<typeof listExercisesQuery>;

export const exerciseDto = z.object({
  /** The library id, or "clinic:<uuid>" for a clinic's own: the key a programme item holds. */
  id: z.string(),
  name: z.string(),
  tool: z.string(),
  targetMuscles: z.array(z.object({ id: z.string(), name: z.string(), region: z.string() })),
  instructions: z.string(),
  dosage: z.record(z.string(), z.unknown()),
  cautions: z.array(z.string()),
  source: z.enum(["library", "clinic"]),
  /** The uuid for the clinic routes (/api/exercises/{exerciseId}); null for library exercises. */
  clinicExerciseId: z.uuid().nullable(),
  version: z.number().nullable(),
  archived: z.boolean(),
  hasImage: z.boolean(),
  imageUrl: z.string().nullable(),
});
export type ExerciseDto = z.infer<typeof exerciseDto>;

export const imageDto = z.object({ contentType: z.enum(IMAGE_TYPES), byteSize: z.number(), imageUrl: z.string() });
export type ImageDto = z.infer<typeof imageDto>;
