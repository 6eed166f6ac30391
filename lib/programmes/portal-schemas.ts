import { z } from "zod";
import { GUN_ATTACHMENTS, TECHNIQUES } from "./dosage";

/*
 * The portal's view of a client's programme and its tick-off request: the contract between
 * lib/programmes (server) and app/portal (the client's phone). Browser-safe: no data imports.
 */

const score = (label: string) =>
  z
    .number(`${label} is a number from 0 to 10.`)
    .int(`${label} is a whole number from 0 to 10.`)
    .min(0, `${label} is 0 to 10.`)
    .max(10, `${label} is 0 to 10.`);

export const portalDosageDto = z.object({
  tool: z.string(),
  attachment: z.enum(GUN_ATTACHMENTS).optional(),
  technique: z.enum(TECHNIQUES),
  intensity: z.number(),
  secondsPerSpot: z.number().optional(),
  secondsPerMuscle: z.number().optional(),
  spots: z.number().optional(),
  passes: z.number().optional(),
  sets: z.number(),
  restSeconds: z.number(),
  sessionsPerDay: z.number(),
  daysOfWeek: z.array(z.number()),
});
export type PortalDosage = z.infer<typeof portalDosageDto>;

export const portalItemDto = z.object({
  itemId: z.uuid(),
  exerciseKey: z.string(),
  name: z.string(),
  tool: z.string(),
  toolLabel: z.string(),
  instructions: z.string(),
  cautions: z.array(z.string()),
  /** The reference's general stop rules, then this exercise's own. Shown on every item. */
  stopRules: z.array(z.string()),
  targetMuscles: z.array(z.object({ id: z.string(), name: z.string() })),
  dosage: portalDosageDto,
  /** The therapist's note for this item. */
  note: z.string(),
  /** Image URL when the clinic exercise has a picture, else null. */
  imageUrl: z.string().nullable(),
  /** Sessions asked for today (0 when today is not one of the item's days). */
  prescribedToday: z.number().int(),
  doneToday: z.number().int(),
  /**
   * The client reported numbness, tingling or shooting pain on this exercise and the therapist has
   * not yet marked it seen: the portal pauses the item (stop rule: stop and report).
   */
  pausedForReview: z.boolean(),
  /**
   * A precaution recorded after this was prescribed now rules the exercise out (re-screened on
   * every read): the portal pauses it until the therapist revises the programme.
   */
  pausedByPrecaution: z.boolean(),
});
export type PortalItem = z.infer<typeof portalItemDto>;

export const portalProgrammeDto = z.object({
  id: z.uuid(),
  title: z.string(),
  version: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  notes: z.string(),
  therapistName: z.string(),
  items: z.array(portalItemDto),
});
export type PortalProgramme = z.infer<typeof portalProgrammeDto>;

export const tallyDto = z.object({ prescribed: z.number(), completed: z.number(), ratio: z.number().nullable() });

export const portalProgrammeViewDto = z.object({
  /** The clinic's scope wording: "Self-care recommendations" or "Home exercise programme". */
  wording: z.enum(["self_care", "home_exercise"]),
  /** What "light", "usual" and "too much" pressure mean on the 0-10 discomfort scale (reference v2). */
  pressureScale: z.array(z.object({ label: z.string(), text: z.string() })),
  /** Places never to press on (reference endangerment zones), in the client's words. */
  avoidSites: z.array(z.string()),
  /** Today in the clinic's time zone, YYYY-MM-DD. */
  date: z.string(),
  /** Programmes in force today (usually one). */
  programmes: z.array(portalProgrammeDto),
  /** This ISO week so far (Monday to today), over every programme. */
  adherenceThisWeek: tallyDto,
});
export type PortalProgrammeView = z.infer<typeof portalProgrammeViewDto>;

export const completionBody = z.object({
  itemId: z.uuid("Choose an exercise from your programme."),
  painBefore: score("Pain before").nullable().optional(),
  painAfter: score("Pain after").nullable().optional(),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional().default(""),
  /** "I felt numbness, tingling or shooting pain". */
  adverse: z.boolean().default(false),
  /** A retried tick-off with the same key is stored once. */
  idempotencyKey: z.string().min(8).max(100).optional(),
});
export type CompletionBody = z.input<typeof completionBody>;

export const completionDto = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  completedAt: z.string(),
  localDate: z.string(),
  adverse: z.boolean(),
  /** Returned so the phone can show them at once when `adverse` is set. */
  stopRules: z.array(z.string()),
  doneToday: z.number().int(),
});
export type CompletionDto = z.infer<typeof completionDto>;
