import { z } from "zod";
import { isoDate as boundedDate } from "@/lib/http/primitives";
import { NPRS_MESSAGE } from "@/lib/outcomes/rules/nprs";

/** 0–10 whole numbers; null means "not recorded", never 0. */
export const nprs = z.number(NPRS_MESSAGE).int(NPRS_MESSAGE).min(0, NPRS_MESSAGE).max(10, NPRS_MESSAGE);
const isoDate = boundedDate("Use a date such as 2026-11-23.");

export const complaintIdParams = z.object({ complaintId: z.uuid() });

export const createComplaintBody = z.object({
  title: z.string().trim().min(3, "Describe the complaint, e.g. “right-sided neck pain with headaches”.").max(200),
  regions: z.array(z.string().min(1).max(60)).max(40).default([]),
  onsetDate: isoDate.nullable().optional(),
});

export const updateComplaintBody = z.object({
  title: z.string().trim().min(3).max(200).optional(),
  regions: z.array(z.string().min(1).max(60)).max(40).optional(),
  onsetDate: isoDate.nullable().optional(),
  status: z.enum(["open", "resolved"]).optional(),
  version: z.number().int().min(1),
});

export const visitPainBody = z.object({
  scores: z.array(z.object({ complaintId: z.uuid(), before: nprs.nullable(), after: nprs.nullable() })).max(20),
});

export const diaryEntryBody = z.object({
  complaintId: z.uuid("Choose which pain this is about."),
  /** The clinic-local day; defaults to today. */
  date: isoDate.optional(),
  score: nprs,
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
  /** Set after the client confirms replacing today's earlier entry. */
  replace: z.boolean().default(false),
});

export const complaintDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  title: z.string(),
  regions: z.array(z.string()),
  onsetDate: z.string().nullable(),
  status: z.enum(["open", "resolved"]),
  resolvedOn: z.string().nullable(),
  version: z.number(),
});
export type ComplaintDto = z.infer<typeof complaintDto>;

export const diaryEntryDto = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  date: z.string(),
  score: z.number(),
  note: z.string(),
});
export type DiaryEntryDto = z.infer<typeof diaryEntryDto>;

const point = z.object({ date: z.string(), score: z.number() });
export const complaintProgress = complaintDto.extend({
  visits: z.array(
    z.object({ visitId: z.uuid(), date: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
  ),
  diary: z.array(point.extend({ note: z.string() })),
  baseline: point.nullable(),
  latest: point.nullable(),
  improvement: z.number().nullable(),
  percentImprovement: z.number().nullable(),
  mcidReached: z.boolean(),
  mcidFirstReachedOn: z.string().nullable(),
  mcidRule: z.string(),
  /** The latest change against the threshold in numbers a clinician can check (null with one reading). */
  mcidExplanation: z.string().nullable(),
  /** Past the MDC but short of the MCID: "real change, smaller than the usual meaningful amount". */
  mcidRealChangeOnly: z.boolean(),
  /** Plain words for the client, e.g. "Your neck pain is down from 7 to 3 since 2 March." */
  summary: z.string(),
});
export type ComplaintProgress = z.infer<typeof complaintProgress>;

export const progressDto = z.object({
  clientId: z.uuid(),
  clientName: z.string(),
  complaints: z.array(complaintProgress),
  tenderness: z.array(
    z.object({ visitId: z.uuid(), date: z.string(), meanTenderness: z.number().nullable(), activePoints: z.number() }),
  ),
});
export type ProgressDto = z.infer<typeof progressDto>;
