import { z } from "zod";
import { isoDate as boundedDate } from "@/lib/http/primitives";
import { NPRS_MESSAGE } from "@/lib/outcomes/rules/nprs";

/** 0–10 whole numbers; null means "not recorded", never 0. */
export const nprs = z.number(NPRS_MESSAGE).int(NPRS_MESSAGE).min(0, NPRS_MESSAGE).max(10, NPRS_MESSAGE);
const isoDate = boundedDate("Use a date such as 2026-11-23.");

export const complaintIdParams = z.object({ complaintId: z.uuid() });

export { createComplaintBody } from "./complaint-body";

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

/** Weeks of scores one progress request returns; "Show earlier" asks for the weeks before (issue 16). */
export const PROGRESS_WEEKS = 52;

const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
export const progressQuery = z.object({
  /** Keyset on the week: the window ends before this Monday (a previous response's `window.earlier`). */
  before: isoDate.refine(isMonday, "Start from a Monday, such as the earlier week the page offered.").optional(),
});
export type ProgressQuery = z.output<typeof progressQuery>;

const point = z.object({ date: z.string(), score: z.number() });
/** Pain in one clinic-local week (Monday to Sunday): before-treatment visit scores and diary entries. */
const painWeek = z.object({ weekStart: z.string(), n: z.number(), mean: z.number(), min: z.number(), max: z.number() });
export const complaintProgress = complaintDto.extend({
  visits: z.array(
    z.object({ visitId: z.uuid(), date: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
  ),
  diary: z.array(point.extend({ note: z.string() })),
  /** Weekly mean, lowest and highest pain inside the window, oldest first; weeks without scores are absent. */
  weeks: z.array(painWeek),
  /** Baseline, latest and MCID are over the whole history, not only the window. */
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
  /**
   * The clinic-local days the visits, diary, weeks and tenderness cover: from `from` (a Monday; null = all)
   * up to, not including, `before` (null = today and on). `earlier` is the `before` to ask for next, or
   * null when nothing is older; it skips weeks without visits or scores.
   */
  window: z.object({ from: z.string().nullable(), before: z.string().nullable(), earlier: z.string().nullable() }),
});
export type ProgressDto = z.infer<typeof progressDto>;
