import { format, parseISO } from "date-fns";
import { z } from "zod";
import { changeFromBaseline, sortByDate } from "./change";
import type { InstrumentDefinition } from "./instrument-schema";
import { NPRS } from "./instruments";
import { nprsScoreSchema } from "./nprs";

/**
 * The therapist dashboard's "needs attention" list. Four rules, each producing a plain reason:
 *
 * 1. worse_than_baseline — the latest pain reading for a complaint is ≥ 2 points above baseline.
 * 2. no_meaningful_improvement — after ≥ 4 visits for the complaint, the latest visit score has
 *    not reached the NPRS MCID (fall of ≥ 2 points or ≥ 30%). Not repeated when rule 1 already
 *    fired for that complaint: "worse" says more than "not better".
 * 3. high_self_report — a diary or check-in score ≥ 7 in the recent window.
 * 4. flare — within the recent window, a reading ≥ 3 points above a reading at most 7 days before it.
 *
 * Baseline = the pre-treatment NPRS of the complaint's first visit. "Readings" are visit
 * pre-treatment scores plus the complaint's diary/check-in scores; post-treatment scores are
 * left out because the usual dip straight after treatment would make the next ordinary score
 * look like a flare. Rules 3 and 4 only look at the last `recentDays` so an old episode does not
 * keep a client on the list forever. Dates are clinic-local calendar dates (YYYY-MM-DD); the
 * caller converts instants with the clinic's time zone.
 */

const isoDate = z.iso.date();

export const visitPainSchema = z.object({
  date: isoDate,
  before: nprsScoreSchema.nullable(),
  after: nprsScoreSchema.nullable(),
});

export const selfReportSchema = z.object({
  date: isoDate,
  score: nprsScoreSchema,
  source: z.enum(["diary", "check_in"]),
});

export const complaintPainSchema = z.object({
  id: z.string().min(1),
  /** Shown in reasons as written, e.g. "Neck pain". */
  label: z.string().min(1),
  /** Visits at which this complaint was treated, including any without a pain score. */
  visitCount: z.int().min(0),
  visits: z.array(visitPainSchema),
  selfReports: z.array(selfReportSchema),
});

export const attentionInputSchema = z.object({
  clientId: z.string().min(1),
  clientName: z.string().min(1),
  complaints: z.array(complaintPainSchema),
  /** Diary/check-in scores not tied to a complaint. */
  selfReports: z.array(selfReportSchema).default([]),
});

export type AttentionInput = z.input<typeof attentionInputSchema>;
type ParsedInput = z.output<typeof attentionInputSchema>;
type SelfReport = z.output<typeof selfReportSchema>;

export type AttentionOptions = {
  /** "Today" in the clinic, YYYY-MM-DD; readings after it are ignored. */
  asOf: string;
  worseBy?: number;
  visitsBeforeReview?: number;
  highScore?: number;
  flareRise?: number;
  flareWindowDays?: number;
  recentDays?: number;
  /** NPRS definition whose MCID applies; swap in a clinic-configured copy to change it. */
  nprs?: Pick<InstrumentDefinition, "direction" | "mcid">;
};

/** adverse_reaction comes from the home programme (lib/programmes/record-completion.ts), not from pain scores. */
export type AttentionRule =
  "worse_than_baseline" | "no_meaningful_improvement" | "high_self_report" | "flare" | "adverse_reaction";
/** `completionId`: for adverse reactions, the tick-off a therapist marks as seen. */
export type AttentionReason = {
  rule: AttentionRule;
  complaintId: string | null;
  date: string;
  reason: string;
  completionId?: string;
};
export type AttentionEntry = { clientId: string; clientName: string; reasons: AttentionReason[] };

type Reading = { date: string; score: number };

const DEFAULTS = { worseBy: 2, visitsBeforeReview: 4, highScore: 7, flareRise: 3, flareWindowDays: 7, recentDays: 7 };

const points = (n: number) => `${n} point${n === 1 ? "" : "s"}`;
const day = (date: string) => format(parseISO(date), "d MMM yyyy");
/**
 * Calendar days from `earlier` to `later` (validated YYYY-MM-DD dates): whole UTC days between their midnights,
 * which is differenceInCalendarDays without parsing in the local zone — this runs for every reading of every
 * open complaint in the clinic.
 */
const daysBetween = (later: string, earlier: string) =>
  Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
const sourceName = (s: SelfReport["source"]) => (s === "diary" ? "the diary" : "a check-in");

/** Clients needing a therapist's look, each with every reason; clients with none are omitted. */
export function needsAttention(inputs: readonly AttentionInput[], options: AttentionOptions): AttentionEntry[] {
  const o: Resolved = {
    worseBy: options.worseBy ?? DEFAULTS.worseBy,
    visitsBeforeReview: options.visitsBeforeReview ?? DEFAULTS.visitsBeforeReview,
    highScore: options.highScore ?? DEFAULTS.highScore,
    flareRise: options.flareRise ?? DEFAULTS.flareRise,
    flareWindowDays: options.flareWindowDays ?? DEFAULTS.flareWindowDays,
    recentDays: options.recentDays ?? DEFAULTS.recentDays,
    asOf: isoDate.parse(options.asOf),
    nprs: options.nprs ?? NPRS,
  };
  const entries: AttentionEntry[] = [];
  for (const raw of inputs) {
    const input = attentionInputSchema.parse(raw);
    const reasons = reasonsFor(input, o);
    if (reasons.length > 0) entries.push({ clientId: input.clientId, clientName: input.clientName, reasons });
  }
  return entries;
}

type Resolved = typeof DEFAULTS & { asOf: string; nprs: Pick<InstrumentDefinition, "direction" | "mcid"> };

function reasonsFor(input: ParsedInput, o: Resolved): AttentionReason[] {
  const upToNow = <T extends { date: string }>(xs: readonly T[]) => sortByDate(xs.filter((x) => x.date <= o.asOf));
  const isRecent = (date: string) => daysBetween(o.asOf, date) <= o.recentDays;
  const reasons: AttentionReason[] = [];

  for (const complaint of input.complaints) {
    const visitScores: Reading[] = upToNow(complaint.visits).flatMap((v) =>
      v.before === null ? [] : [{ date: v.date, score: v.before }],
    );
    const reports = upToNow(complaint.selfReports);
    const readings = sortByDate<Reading>([...visitScores, ...reports]);
    const baseline = visitScores[0];
    const latest = readings.at(-1);

    let worse = false;
    if (baseline && latest && latest !== baseline && latest.score - baseline.score >= o.worseBy) {
      worse = true;
      reasons.push({
        rule: "worse_than_baseline",
        complaintId: complaint.id,
        date: latest.date,
        reason: `${complaint.label} is ${points(latest.score - baseline.score)} worse than at baseline (${baseline.score} → ${latest.score}).`,
      });
    }

    const change = changeFromBaseline(o.nprs, visitScores);
    if (!worse && change?.mcid && complaint.visitCount >= o.visitsBeforeReview && !change.mcid.reachedNow) {
      reasons.push({
        rule: "no_meaningful_improvement",
        complaintId: complaint.id,
        date: change.latest.date,
        reason: `${complaint.label} has not improved meaningfully after ${complaint.visitCount} visits (${change.baseline.score} → ${change.latest.score}: ${change.mcid.explanation}).`,
      });
    }

    reasons.push(...highScores(reports, complaint, o, isRecent));
    const flare = latestFlare(readings, o, isRecent);
    if (flare) {
      reasons.push({
        rule: "flare",
        complaintId: complaint.id,
        date: flare.to.date,
        reason: `${complaint.label} flared: up ${points(flare.to.score - flare.from.score)} within a week (${flare.from.score} on ${day(flare.from.date)} → ${flare.to.score} on ${day(flare.to.date)}).`,
      });
    }
  }

  const general = upToNow(input.selfReports);
  reasons.push(...highScores(general, null, o, isRecent));
  const flare = latestFlare(general, o, isRecent);
  if (flare) {
    reasons.push({
      rule: "flare",
      complaintId: null,
      date: flare.to.date,
      reason: `Pain flared: up ${points(flare.to.score - flare.from.score)} within a week (${flare.from.score} on ${day(flare.from.date)} → ${flare.to.score} on ${day(flare.to.date)}).`,
    });
  }
  return reasons;
}

/** The most recent high diary/check-in score in the window (one reason per complaint is enough). */
function highScores(
  reports: SelfReport[],
  complaint: { id: string; label: string } | null,
  o: Resolved,
  isRecent: (d: string) => boolean,
): AttentionReason[] {
  const hit = reports.filter((r) => r.score >= o.highScore && isRecent(r.date)).at(-1);
  if (!hit) return [];
  const what = complaint ? `${complaint.label} scored` : "Pain scored";
  return [
    {
      rule: "high_self_report",
      complaintId: complaint?.id ?? null,
      date: hit.date,
      reason: `${what} ${hit.score}/10 in ${sourceName(hit.source)} on ${day(hit.date)}.`,
    },
  ];
}

/**
 * The latest reading in the window that sits ≥ flareRise above some reading up to
 * flareWindowDays before it; against the lowest such earlier reading, which is the jump a
 * therapist would describe.
 */
function latestFlare(
  sorted: readonly Reading[],
  o: Resolved,
  isRecent: (d: string) => boolean,
): { from: Reading; to: Reading } | null {
  for (let j = sorted.length - 1; j >= 0; j--) {
    const to = sorted[j];
    if (!to || !isRecent(to.date)) break;
    const earlier = sorted.slice(0, j).filter((r) => daysBetween(to.date, r.date) <= o.flareWindowDays);
    const from = earlier.reduce<Reading | null>((low, r) => (low === null || r.score < low.score ? r : low), null);
    if (from && to.score - from.score >= o.flareRise) return { from, to };
  }
  return null;
}
