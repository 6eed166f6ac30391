import { z } from "zod";
import { isoDate as boundedDate } from "@/lib/http/primitives";
import { dosageSchema, TECHNIQUES } from "./dosage";
import { portalDosageDto, tallyDto } from "./portal-schemas";

/*
 * Requests and responses of the therapist's programme API. The builder checks its form with the
 * request schemas here; keep this module free of the reference data (dosage.ts takes only its types).
 */

export const clientParams = z.object({ clientId: z.uuid() });
export const programmeParams = z.object({ programmeId: z.uuid() });
export const completionParams = z.object({ completionId: z.uuid() });

const isoDate = boundedDate("Use a date like 2026-03-01.");

export const programmeItemInput = z.object({
  exerciseKey: z.string().min(1, "Choose an exercise.").max(100),
  dosage: dosageSchema,
  /** Needed only when a value is above the safe range: the clinician's reason. */
  override: z
    .object({ reason: z.string().max(500, "Keep the reason under 500 characters.") })
    .nullable()
    .optional(),
  note: z.string().trim().max(1000, "Keep the note under 1000 characters.").default(""),
  triggerPointId: z.uuid("Choose one of the client's trigger points.").nullable().optional(),
});
export type ProgrammeItemInput = z.input<typeof programmeItemInput>;

const content = {
  startDate: isoDate.optional(),
  endDate: isoDate.nullable().optional(),
  notes: z.string().trim().max(2000, "Keep the notes under 2000 characters.").default(""),
  items: z
    .array(programmeItemInput)
    .min(1, "Add at least one exercise.")
    .max(15, "A programme can hold at most 15 exercises.")
    // One item per exercise (its dosage says how much): a double-clicked Add must not prescribe it twice.
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.exerciseKey))
          ctx.addIssue({
            code: "custom",
            path: [i, "exerciseKey"],
            message: "This exercise is already in the programme.",
          });
        seen.add(item.exerciseKey);
      });
    }),
};

const endNotBeforeStart = (b: { startDate?: string; endDate?: string | null }) =>
  !b.startDate || !b.endDate || b.endDate >= b.startDate;
const endMessage = { message: "The end date cannot be before the start date.", path: ["endDate"] };

export const createProgrammeBody = z
  .object({
    title: z.string().trim().min(1, "Give the programme a title.").max(120, "Keep the title under 120 characters."),
    ...content,
  })
  .refine(endNotBeforeStart, endMessage);
export type CreateProgrammeBody = z.input<typeof createProgrammeBody>;

export const reviseProgrammeBody = z
  .object({
    /** The version the editor started from: a newer one means someone else revised it (409). */
    version: z.number().int().min(1),
    title: z.string().trim().min(1, "Give the programme a title.").max(120).optional(),
    changeNote: z.string().trim().max(500, "Keep the change note under 500 characters.").default(""),
    ...content,
  })
  .refine(endNotBeforeStart, endMessage);
export type ReviseProgrammeBody = z.input<typeof reviseProgrammeBody>;

export const endProgrammeBody = z.object({
  version: z.number().int().min(1),
  /** The last day of the programme (inclusive); defaults to today in the clinic. */
  endDate: isoDate.optional(),
});

export const adherenceQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) });

const snapshotDto = z.object({
  name: z.string(),
  tool: z.string(),
  targetMuscles: z.array(z.string()),
  instructions: z.string(),
  cautions: z.array(z.string()),
  stopRules: z.array(z.string()),
});

export const programmeItemDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  exerciseKey: z.string(),
  snapshot: snapshotDto,
  dosage: portalDosageDto,
  overrideReason: z.string().nullable(),
  flags: z.array(z.object({ precaution: z.string(), message: z.string() })),
  note: z.string(),
  triggerPointId: z.uuid().nullable(),
  triggerPointLabel: z.string().nullable(),
});
export type ProgrammeItemDto = z.infer<typeof programmeItemDto>;

export const programmeVersionDto = z.object({
  version: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** The last day it was (or will be) in force: the day before the next version, or its end date. */
  lastDay: z.string().nullable(),
  notes: z.string(),
  changeNote: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  items: z.array(programmeItemDto),
});
export type ProgrammeVersionDto = z.infer<typeof programmeVersionDto>;

const status = z.enum(["scheduled", "active", "ended"]);
const wording = z.enum(["self_care", "home_exercise"]);

export const programmeDetailDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  title: z.string(),
  currentVersion: z.number().int(),
  status,
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  wording,
  /** Newest first. */
  versions: z.array(programmeVersionDto),
});
export type ProgrammeDetail = z.infer<typeof programmeDetailDto>;

export const programmeSummaryDto = z.object({
  id: z.uuid(),
  title: z.string(),
  status,
  currentVersion: z.number().int(),
  firstStartDate: z.string(),
  current: programmeVersionDto,
  endedAt: z.string().nullable(),
});

export const clientProgrammesDto = z.object({ wording, today: z.string(), programmes: z.array(programmeSummaryDto) });
export type ClientProgrammes = z.infer<typeof clientProgrammesDto>;

const weekDto = tallyDto.extend({
  weekStart: z.string(),
  isoWeek: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  partial: z.boolean(),
  low: z.boolean(),
});
export type AdherenceWeek = z.infer<typeof weekDto>;

export const adherenceReportDto = z.object({
  clientId: z.uuid(),
  today: z.string(),
  timeZone: z.string(),
  thresholdPct: z.number().int(),
  overall: tallyDto.extend({ weeks: z.array(weekDto) }),
  programmes: z.array(
    tallyDto.extend({
      id: z.uuid(),
      title: z.string(),
      status,
      weeks: z.array(weekDto),
      byExercise: z.array(tallyDto.extend({ exerciseKey: z.string(), name: z.string() })),
    }),
  ),
});
export type AdherenceReportDto = z.infer<typeof adherenceReportDto>;

export const lowAdherenceDto = z.array(
  z.object({
    clientId: z.uuid(),
    clientName: z.string(),
    weekStart: z.string(),
    isoWeek: z.string(),
    prescribed: z.number(),
    completed: z.number(),
    ratio: z.number(),
    programmes: z.array(z.object({ id: z.uuid(), title: z.string() })),
  }),
);
export type LowAdherenceEntry = z.infer<typeof lowAdherenceDto>[number];

const screenDto = z.object({
  verdict: z.enum(["ok", "flag", "block"]),
  reasons: z.array(
    z.object({ precaution: z.string(), label: z.string(), verdict: z.enum(["flag", "block"]), text: z.string() }),
  ),
});

export const exerciseOptionDto = z.object({
  key: z.string(),
  name: z.string(),
  tool: z.string(),
  source: z.enum(["library", "clinic"]),
  targetMuscles: z.array(z.object({ id: z.string(), name: z.string(), region: z.string() })),
  instructions: z.string(),
  cautions: z.array(z.string()),
  /** Client wording (what the portal shows). */
  stopRules: z.array(z.string()),
  /** The same rules in clinical terms, paired index for index (reference v2 stop_rules_clinician). */
  stopRulesClinician: z.array(z.string()),
  techniques: z.array(z.enum(TECHNIQUES)),
  defaultDosage: portalDosageDto,
  safeRanges: z.record(z.string(), z.tuple([z.number(), z.number()])),
  owned: z.boolean(),
  screen: screenDto,
  substitute: z.object({ key: z.string(), name: z.string(), tool: z.string() }).nullable(),
});
export type ExerciseOption = z.infer<typeof exerciseOptionDto>;

export const builderDataDto = z.object({
  clientId: z.uuid(),
  clientName: z.string(),
  wording,
  today: z.string(),
  gentleItemLimit: z.number().int(),
  ownedTools: z.array(z.string()),
  precautions: z.array(z.object({ id: z.string(), label: z.string() })),
  latestVisit: z.object({ id: z.uuid(), startedAt: z.string() }).nullable(),
  /** Exercises for the muscles with active (then latent) trigger points at the latest visit, owned tools first. */
  suggestions: z.array(
    z.object({
      key: z.string(),
      basis: z.enum(["active", "latent"]),
      matchedMuscles: z.array(z.string()),
      triggerPointIds: z.array(z.uuid()),
    }),
  ),
  /** Everything the clinic may prescribe, screened for this client. */
  catalogue: z.array(exerciseOptionDto),
  /** The pressure words with their numbers on the 0-10 discomfort scale (reference v2), and their basis. */
  pressureScale: z.object({
    bands: z.array(z.object({ label: z.string(), text: z.string() })),
    basis: z.string(),
  }),
  /** Red flags that mean refer first, and the places no one presses (reference `safety`). */
  safetyLists: z.object({ redFlags: z.array(z.string()), avoidSites: z.array(z.string()) }),
  /** Points from the latest visit an item can be linked to. */
  triggerPoints: z.array(
    z.object({ id: z.uuid(), label: z.string(), muscleId: z.string().nullable(), type: z.enum(["active", "latent"]) }),
  ),
});
export type BuilderData = z.infer<typeof builderDataDto>;

export const reviewDto = z.object({ id: z.uuid(), reviewedAt: z.string() });
