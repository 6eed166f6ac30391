import { z } from "zod";
import { implausibleReadingMessage } from "@/lib/clinical/rules/ppt-plausible";
import { isoInstant } from "@/lib/http/primitives";

const noteText = z.string().max(20_000, "Keep each section under 20,000 characters.");
const unit = z.enum(["kgf/cm2", "N/cm2", "lbf/in2", "kPa"]);
const coordinate = z.number().min(0, "Place the point on the chart.").max(1, "Place the point on the chart.");

export const visitIdParams = z.object({ visitId: z.uuid() });
export const findingParams = z.object({ visitId: z.uuid(), findingId: z.uuid() });
export const clientVisitsParams = z.object({ clientId: z.uuid() });

/**
 * A page of a client's visits, newest first: `after` is where the previous page ended
 * (the last visit's start, to the microsecond, ~ its id).
 */
export const clientVisitsQuery = z.object({
  after: z
    .string()
    .max(80)
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      "Start again from the newest visit.",
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ClientVisitsQuery = z.output<typeof clientVisitsQuery>;

export const createVisitBody = z.object({
  startedAt: isoInstant("Use a date and time such as 2026-11-23T10:30:00Z.").optional(),
});

/** Autosave of the SOAP note: only the sections sent change; `version` is what the editor last saw. */
export const updateVisitNoteBody = z.object({
  subjective: noteText.optional(),
  objective: noteText.optional(),
  assessment: noteText.optional(),
  plan: noteText.optional(),
  painRegions: z.array(z.string().min(1).max(60)).max(138).optional(),
  version: z.number().int().min(1),
});

export const signVisitBody = z.object({ version: z.number().int().min(1) });

export const amendmentBody = z.object({
  reason: z.string().trim().min(3, "Say why the note needs correcting.").max(500),
  body: z.string().trim().min(1, "Write the correction.").max(20_000),
});

/** A stored trial as it is read back (older rows may predate the plausibility check). */
export const pptTrial = z.object({ value: z.number(), unit });

/**
 * A trial as the form sends it: each unit has its own plausible range, and an implausible value
 * names the likely slip ("310 kg/cm² is about 30,400 kPa — did you mean kPa?") so a kPa reading typed
 * while the editor shows kg/cm² never reaches the chart history.
 */
export const pptTrialInput = z
  .object({ value: z.number("Enter the reading as a number.").positive("An algometer reading is above zero."), unit })
  .superRefine((t, ctx) => {
    const message = implausibleReadingMessage(t.value, t.unit);
    if (message) ctx.addIssue({ code: "custom", path: ["value"], message });
  });

const findingFields = {
  type: z.enum(["active", "latent"], "Choose active or latent."),
  tautBand: z.boolean(),
  localTwitch: z.boolean(),
  referredPain: z.boolean(),
  referralRegions: z.array(z.string().min(1).max(60)).max(60),
  tenderness: z
    .number()
    .int("Use a whole number.")
    .min(0, "Tenderness runs from 0 to 10.")
    .max(10, "Tenderness runs from 0 to 10.")
    .nullable(),
  pptTrials: z.array(pptTrialInput).max(10, "Record at most 10 trials."),
  treatment: z.array(z.string().trim().min(1).max(80)).max(20),
  response: z.string().max(2000),
  note: z.string().max(4000),
};

export const createFindingBody = z
  .object({
    view: z.enum(["front", "back"]),
    x: coordinate,
    y: coordinate,
    muscleId: z.string().min(1).max(80).optional(),
    clinicMuscleId: z.uuid().optional(),
    side: z.enum(["left", "right", "midline"]),
    label: z.string().trim().max(40).default(""),
    type: findingFields.type,
    tautBand: findingFields.tautBand.default(false),
    localTwitch: findingFields.localTwitch.default(false),
    referredPain: findingFields.referredPain.default(false),
    referralRegions: findingFields.referralRegions.default([]),
    tenderness: findingFields.tenderness.default(null),
    pptTrials: findingFields.pptTrials.default([]),
    treatment: findingFields.treatment.default([]),
    response: findingFields.response.default(""),
    note: findingFields.note.default(""),
  })
  .refine((v) => Boolean(v.muscleId) !== Boolean(v.clinicMuscleId), {
    path: ["muscleId"],
    message: "Choose the muscle.",
  });

export const updateFindingBody = z
  .object({
    view: z.enum(["front", "back"]),
    x: coordinate,
    y: coordinate,
    muscleId: z.string().min(1).max(80),
    clinicMuscleId: z.uuid(),
    side: z.enum(["left", "right", "midline"]),
    label: z.string().trim().max(40),
    status: z.enum(["unchanged", "better", "worse", "resolved", "not_checked"]),
    ...findingFields,
  })
  .partial()
  .extend({ version: z.number().int().min(1) });

export const createClinicMuscleBody = z.object({
  name: z.string().trim().min(2, "Name the muscle.").max(100),
  region: z.string().trim().min(2).max(60),
  sideApplicable: z.boolean().default(true),
  referralZones: z.array(z.string().min(1).max(60)).max(60).default([]),
  referralNote: z.string().max(2000).default(""),
});

export const historyQuery = z.object({ visits: z.coerce.number().int().min(1).max(50).default(10) });

// ---- Response shapes (DTOs) ----

export const findingDto = z.object({
  id: z.uuid(),
  triggerPointId: z.uuid(),
  muscleId: z.string().nullable(),
  clinicMuscleId: z.string().nullable(),
  muscleName: z.string(),
  side: z.enum(["left", "right", "midline"]),
  label: z.string(),
  view: z.enum(["front", "back"]),
  x: z.number(),
  y: z.number(),
  templateId: z.string(),
  templateVersion: z.number(),
  type: z.enum(["active", "latent"]),
  status: z.enum(["new", "unchanged", "better", "worse", "resolved", "not_checked"]).nullable(),
  carriedForward: z.boolean(),
  tautBand: z.boolean(),
  localTwitch: z.boolean(),
  referredPain: z.boolean(),
  referralRegions: z.array(z.string()),
  tenderness: z.number().nullable(),
  pptTrials: z.array(pptTrial),
  pptKpaMean: z.number().nullable(),
  meetsConsensus: z.boolean(),
  treatment: z.array(z.string()),
  response: z.string(),
  note: z.string(),
  version: z.number(),
});
export type FindingDto = z.infer<typeof findingDto>;

export const visitStatus = z.enum(["draft", "signed", "amended"]);

export const visitSummary = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  startedAt: z.string(),
  therapistName: z.string(),
  status: visitStatus,
  signedAt: z.string().nullable(),
  findingCount: z.number(),
  activeCount: z.number(),
});
export type VisitSummary = z.infer<typeof visitSummary>;

export const clientVisitsPage = z.object({
  items: z.array(visitSummary),
  /** Every visit of the client; `items` holds one page of them. */
  count: z.number(),
  /** Pass as `after` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ClientVisitsPage = z.infer<typeof clientVisitsPage>;

export const ghostMark = z.object({
  triggerPointId: z.uuid(),
  view: z.enum(["front", "back"]),
  x: z.number(),
  y: z.number(),
  type: z.enum(["active", "latent"]),
  label: z.string(),
  muscleName: z.string(),
  side: z.enum(["left", "right", "midline"]),
});

export const visitDetail = visitSummary.extend({
  clientName: z.string(),
  subjective: z.string(),
  objective: z.string(),
  assessment: z.string(),
  plan: z.string(),
  painRegions: z.array(z.string()),
  version: z.number(),
  updatedAt: z.string(),
  signedByName: z.string().nullable(),
  findings: z.array(findingDto),
  previousVisit: z.object({ id: z.uuid(), startedAt: z.string(), marks: z.array(ghostMark) }).nullable(),
  amendments: z.array(
    z.object({ id: z.uuid(), reason: z.string(), body: z.string(), authorName: z.string(), createdAt: z.string() }),
  ),
});
export type VisitDetail = z.infer<typeof visitDetail>;

export const muscleDto = z.object({
  id: z.string(),
  source: z.enum(["library", "clinic"]),
  name: z.string(),
  region: z.string(),
  sideApplicable: z.boolean(),
  triggerPoints: z.array(
    z.object({
      label: z.string(),
      locationNote: z.string(),
      approx: z.object({ view: z.enum(["front", "back"]), x: z.number(), y: z.number() }).nullable(),
    }),
  ),
  referralZones: z.array(z.string()),
  referralNote: z.string(),
  cautions: z.array(z.string()),
});
export type MuscleDto = z.infer<typeof muscleDto>;
