import { parseISO } from "date-fns";
import type { InstrumentDefinition } from "./instrument-schema";

/**
 * Change from baseline and MCID for a series of dated scores of ONE instrument for ONE complaint.
 *
 * - Baseline is the earliest score in the series (ties keep input order). Callers that restart
 *   an episode of care pass only that episode's scores.
 * - "Improvement" is direction-aware: positive always means better, so a fall on NPRS/NDI/ODI
 *   and a rise on PSFS are both positive.
 * - Percent improvement is relative to the baseline value. A baseline of 0 has no percentage
 *   (division by zero, and "30% of nothing" is meaningless), so it is null and only the
 *   absolute criterion can be met.
 * - MCID thresholds come from the instrument's data; pass a copy with another `mcid` to apply a
 *   clinic's own threshold.
 */

/** `date` is an ISO 8601 calendar date (YYYY-MM-DD) or date-time. */
export type DatedScore = { date: string; score: number };

export type McidCriterion = "absolute" | "relative" | "rating";

export type McidStatus = {
  /** The latest score meets the MCID. */
  reachedNow: boolean;
  /** Date of the first score that met it (it may have been lost since), or null. */
  firstReachedOn: string | null;
  /** Which criterion the latest score met (absolute first when both), or null. */
  criterion: McidCriterion | null;
  /** Plain description of the rule, e.g. "a fall of at least 2 points or at least 30% from baseline". */
  rule: string;
};

export type ChangeFromBaseline = {
  baseline: DatedScore;
  latest: DatedScore;
  /** latest − baseline in scale units, signed as on the scale; null for rating instruments. */
  change: number | null;
  /** Positive = better, whatever the direction of the scale; null for rating instruments. */
  improvement: number | null;
  /** improvement / baseline × 100; null when the baseline is 0 or for rating instruments. */
  percentImprovement: number | null;
  /** null when the instrument has no MCID (e.g. EARS). */
  mcid: McidStatus | null;
};

type Scored = Pick<InstrumentDefinition, "direction" | "mcid">;

// Float guard so 10 → 7 counts as exactly 30%.
const EPSILON = 1e-9;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Sorts by date (stable), rejecting unparseable dates rather than silently misordering them. */
export function sortByDate<T extends { date: string }>(series: readonly T[]): T[] {
  const withTime = series.map((entry, index) => {
    const time = parseISO(entry.date).getTime();
    if (Number.isNaN(time)) throw new RangeError(`"${entry.date}" is not an ISO 8601 date.`);
    return { entry, time, index };
  });
  return withTime.sort((a, b) => a.time - b.time || a.index - b.index).map((w) => w.entry);
}

/** Direction-aware improvement of `score` over `baseline` (positive = better). */
export function improvementOf(
  instrument: Pick<InstrumentDefinition, "direction">,
  baseline: number,
  score: number,
): number {
  return instrument.direction === "higher_is_worse" ? baseline - score : score - baseline;
}

/** Which MCID criterion a score meets against the baseline, or null if none. */
export function mcidCriterionMet(instrument: Scored, baseline: number, score: number): McidCriterion | null {
  const mcid = instrument.mcid;
  if (mcid.basis === "none") return null;
  if (mcid.basis === "rating") {
    const past = instrument.direction === "higher_is_better" ? score >= mcid.threshold : score <= mcid.threshold;
    return past ? "rating" : null;
  }
  const improvement = improvementOf(instrument, baseline, score);
  if (mcid.absolute !== undefined && improvement >= mcid.absolute - EPSILON) return "absolute";
  if (
    mcid.relativePercent !== undefined &&
    baseline !== 0 &&
    (improvement / Math.abs(baseline)) * 100 >= mcid.relativePercent - EPSILON
  ) {
    return "relative";
  }
  return null;
}

/** Plain-language statement of the MCID rule, for reasons and tooltips. */
export function describeMcid(instrument: Scored): string | null {
  const mcid = instrument.mcid;
  const better = instrument.direction === "higher_is_worse" ? "fall" : "rise";
  if (mcid.basis === "none") return null;
  if (mcid.basis === "rating") {
    const sign = mcid.threshold > 0 && instrument.direction === "higher_is_better" ? "+" : "";
    return `a rating of ${sign}${mcid.threshold} or better`;
  }
  const parts = [
    mcid.absolute !== undefined ? `at least ${mcid.absolute} point${mcid.absolute === 1 ? "" : "s"}` : null,
    mcid.relativePercent !== undefined ? `at least ${mcid.relativePercent}%` : null,
  ].filter((p): p is string => p !== null);
  return `a ${better} of ${parts.join(" or ")} from baseline`;
}

/** Change from baseline with MCID status, or null for an empty series. */
export function changeFromBaseline(instrument: Scored, series: readonly DatedScore[]): ChangeFromBaseline | null {
  const sorted = sortByDate(series);
  const baseline = sorted[0];
  const latest = sorted.at(-1);
  if (!baseline || !latest) return null;

  const isRating = instrument.mcid.basis === "rating";
  const improvement = isRating ? null : improvementOf(instrument, baseline.score, latest.score);
  const rule = describeMcid(instrument);

  let mcid: McidStatus | null = null;
  if (rule !== null) {
    // A rating rates change by itself, so even the first one can count; a change needs a later score.
    const candidates = isRating ? sorted : sorted.slice(1);
    const first = candidates.find((s) => mcidCriterionMet(instrument, baseline.score, s.score) !== null);
    const nowCriterion =
      isRating || sorted.length > 1 ? mcidCriterionMet(instrument, baseline.score, latest.score) : null;
    mcid = { reachedNow: nowCriterion !== null, firstReachedOn: first?.date ?? null, criterion: nowCriterion, rule };
  }

  return {
    baseline,
    latest,
    change: isRating ? null : round2(latest.score - baseline.score),
    improvement: improvement === null ? null : round2(improvement),
    percentImprovement:
      improvement === null || baseline.score === 0 ? null : round2((improvement / Math.abs(baseline.score)) * 100),
    mcid,
  };
}
