import { z } from "zod";
import { INSTRUMENTS } from "@/lib/outcomes/rules/instruments";
import { MAX_SKIPPED_LIMIT, NDI_THRESHOLDS } from "@/lib/outcomes/rules/outcome-settings";
import { TEMPLATE_REGIONS } from "@/lib/clinical/rules/template-regions";

const REGION_IDS = new Set(TEMPLATE_REGIONS.map(([id]) => id));
export const instrumentId = z
  .string()
  .refine((id) => id in INSTRUMENTS && id !== "nprs", "Choose one of the questionnaires.");

export const assignmentParams = z.object({ assignmentId: z.uuid() });
export const instrumentParams = z.object({ instrumentId });

export const assignBody = z.object({
  instrumentId,
  complaintId: z.uuid().nullable().optional(),
  /** Ask again every N visits (re-assessment schedule); omit for once. */
  everyNVisits: z.number().int().min(1, "Every 1 to 52 visits.").max(52, "Every 1 to 52 visits.").nullable().optional(),
});

export const submitBody = z.object({
  instrumentId,
  assignmentId: z.uuid().nullable().optional(),
  answers: z.record(z.string().max(40), z.number().nullable()),
  itemLabels: z.record(z.string().max(40), z.string().trim().max(200)).default({}),
});

export const wordingBody = z.object({
  items: z.record(
    z.string().max(40),
    z.object({
      prompt: z.string().trim().min(1, "Enter the item's wording.").max(2000),
      options: z.record(z.string().max(5), z.string().trim().min(1).max(500)),
    }),
  ),
  licenceNote: z.string().trim().max(1000).default(""),
});

export const outcomeSettingsBody = z.object({
  ndiThresholdPoints: z.union(
    NDI_THRESHOLDS.map((n) => z.literal(n)),
    { error: "Choose 10 points (Young 2009) or 5 points (Vernon)." },
  ),
  maxSkippedSections: z
    .number("Enter a number of sections.")
    .int("Use a whole number.")
    .min(0, `0 to ${MAX_SKIPPED_LIMIT} sections.`)
    .max(MAX_SKIPPED_LIMIT, `0 to ${MAX_SKIPPED_LIMIT} sections.`),
});

export const checkInBody = z.object({
  regions: z
    .array(
      z.object({
        regionId: z.string().refine((id) => REGION_IDS.has(id), "Choose areas on the body map."),
        score: z
          .number("Give each area a score from 0 to 10.")
          .int()
          .min(0, "Scores run from 0 to 10.")
          .max(10, "Scores run from 0 to 10."),
      }),
    )
    .max(60)
    .refine((r) => new Set(r.map((x) => x.regionId)).size === r.length, "Each area once, please."),
});

export const instrumentDto = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number(),
  direction: z.enum(["higher_is_worse", "higher_is_better"]),
  range: z.object({ min: z.number(), max: z.number() }),
  mcidText: z.string().nullable(),
  /** Instructions shown before the items (EARS), from the reference. */
  instructions: z.string().nullable(),
  /** Which version and which way the answers run (PGIC, GROC, EARS). */
  versionNote: z.string().nullable(),
  /** NDI/ODI: sections that may be skipped in this clinic (null when every item is needed or it is a mean). */
  maxSkipped: z.number().nullable(),
  needsClinicWording: z.boolean(),
  /** The clinic's own licence note (NDI/ODI), null until entered: returned so a re-save can keep it. */
  licenceNote: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      prompt: z.string().nullable(),
      promptSource: z.enum(["instrument", "clinic", "patient"]),
      answer: z.unknown(),
    }),
  ),
});
export type InstrumentDto = z.infer<typeof instrumentDto>;

export const assignmentDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  complaintId: z.string().nullable(),
  everyNVisits: z.number().nullable(),
  assignedAt: z.string(),
  due: z.boolean(),
  lastCompletedAt: z.string().nullable(),
});
export type AssignmentDto = z.infer<typeof assignmentDto>;

export const responseDto = z.object({
  id: z.uuid(),
  instrumentId: z.string(),
  instrumentVersion: z.number(),
  completedAt: z.string(),
  /** Null when too many sections were skipped to score; `unscoredReason` says why. */
  score: z.number().nullable(),
  unscoredReason: z.string().nullable(),
  itemsAnswered: z.number(),
  proRated: z.boolean(),
  source: z.enum(["portal", "clinic"]),
  answers: z.record(z.string(), z.number().nullable()),
  itemLabels: z.record(z.string(), z.string()),
});

export const instrumentSeries = z.object({
  instrumentId: z.string(),
  name: z.string(),
  direction: z.enum(["higher_is_worse", "higher_is_better"]),
  range: z.object({ min: z.number(), max: z.number() }),
  responses: z.array(responseDto),
  mcidReached: z.boolean(),
  mcidFirstReachedOn: z.string().nullable(),
  mcidRule: z.string().nullable(),
  /** The latest result against the threshold in checkable numbers, e.g. "−10 points ≥ 10 (30% of baseline 20 = 6; MDC 10)". */
  mcidExplanation: z.string().nullable(),
  /** Past the MDC but short of the MCID: "real change, smaller than the usual meaningful amount". */
  mcidRealChangeOnly: z.boolean(),
});
export type InstrumentSeries = z.infer<typeof instrumentSeries>;

export const checkInDto = z.object({
  id: z.uuid(),
  weekStart: z.string(),
  regions: z.array(z.object({ regionId: z.string(), score: z.number() })),
  updatedAt: z.string(),
});
export type CheckInDto = z.infer<typeof checkInDto>;
