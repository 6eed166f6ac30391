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
 *   (division by zero), so it is null; the relative MCID part is then 0 and the MDC decides.
 * - "Meaningful" = at least max(MDC, MCID) for this baseline (reference v2, domain README §6):
 *   MCIDs are group averages and several lie inside measurement error. A change past the MDC
 *   but short of that is reported as real change only.
 * - Thresholds come from the instrument's data; pass a copy with another `mcid` to apply a
 *   clinic's own threshold (outcome-settings.ts).
 */

/** `date` is an ISO 8601 calendar date (YYYY-MM-DD) or date-time. */
export type DatedScore = { date: string; score: number };

/** Which way the latest score relates to the threshold: both MDC and MCID, the MDC only, or the rating. */
export type McidCriterion = "meaningful" | "rating";

export type McidStatus = {
  /** The latest score is a meaningful change (reaches max(MDC, MCID)) or a rating past the threshold. */
  reachedNow: boolean;
  /** Date of the first score that met it (it may have been lost since), or null. */
  firstReachedOn: string | null;
  /** What the latest score met, or null. */
  criterion: McidCriterion | null;
  /** The latest change passes the MDC but not the MCID: "real change, smaller than the usual meaningful amount". */
  realChangeOnly: boolean;
  /** Threshold in scale points for this baseline (change instruments), or the rating threshold. */
  threshold: number;
  /**
   * The latest result against the threshold in numbers a clinician can check, e.g.
   * "−10 points ≥ 10 (30% of baseline 20 = 6; MDC 10)" or "+4 Moderately better ≥ +3 Somewhat better".
   */
  explanation: string;
  /** Plain description of the rule, e.g. "a fall of at least the larger of the MDC (2 points) and 30% of the baseline". */
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

type Scored = Pick<InstrumentDefinition, "direction" | "mcid"> & { items?: InstrumentDefinition["items"] };

// Float guard so 10 → 7 counts as exactly 30%.
const EPSILON = 1e-9;
const round2 = (n: number) => Math.round(n * 100) / 100;
const num = (n: number) => String(round2(n));
const pts = (n: number) => `${num(n)} point${round2(n) === 1 ? "" : "s"}`;
/** Signed with a true minus sign, as clinicians write a change. */
export const signed = (n: number) => (n > 0 ? `+${num(n)}` : n < 0 ? `\u2212${num(-n)}` : "0");

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

export type MeaningfulThreshold = {
  /** Improvement needed, in scale points. */
  points: number;
  mdc: number | null;
  /** The MCID part in points for this baseline (relative × baseline where there is a relative MCID). */
  mcidPoints: number | null;
  /** How the number was reached, for the badge: "30% of baseline 20 = 6; MDC 10". */
  words: string;
};

/**
 * The improvement a change instrument needs from this baseline to be meaningful for one client:
 * max(MDC, MCID), the MCID being relative × baseline where one exists (reference v2 §6), or a
 * fixed threshold where the reference (or the clinic) sets one. Null for rating / no-MCID measures.
 */
export function meaningfulThreshold(instrument: Scored, baseline: number): MeaningfulThreshold | null {
  const m = instrument.mcid;
  if (m.basis !== "change") return null;
  const mdc = m.mdc ?? null;
  if (m.threshold) {
    const parts = [
      m.threshold.source,
      mdc !== null ? `MDC ${num(mdc)}` : null,
      m.absolute ? `MCID ${num(m.absolute)}` : null,
    ];
    return {
      points: m.threshold.points,
      mdc,
      mcidPoints: m.absolute ?? null,
      words: parts.filter(Boolean).join("; "),
    };
  }
  let mcidPoints: number | null = m.absolute ?? null;
  let mcidWords = mcidPoints !== null ? `MCID ${num(mcidPoints)}` : null;
  if (m.relativePercent !== undefined) {
    mcidPoints = (m.relativePercent / 100) * Math.abs(baseline);
    mcidWords = `${num(m.relativePercent)}% of baseline ${num(baseline)} = ${num(mcidPoints)}`;
  }
  const points = Math.max(mdc ?? 0, mcidPoints ?? 0);
  return {
    points: round2(points),
    mdc,
    mcidPoints: mcidPoints === null ? null : round2(mcidPoints),
    words: [mcidWords, mdc !== null ? `MDC ${num(mdc)}` : null].filter(Boolean).join("; "),
  };
}

function ratingLabel(instrument: Scored, value: number): string {
  for (const item of instrument.items ?? []) {
    if (item.answer.kind !== "options") continue;
    const label = item.answer.options.find((o) => o.value === value)?.label;
    if (label) return ` ${label}`;
  }
  return "";
}

function ratingWords(instrument: Scored, value: number): string {
  const sign = instrument.direction === "higher_is_better" && value > 0 ? "+" : "";
  return `${sign}${value}${ratingLabel(instrument, value)}`;
}

/** Which criterion a score meets against the baseline, or null if none. */
export function mcidCriterionMet(instrument: Scored, baseline: number, score: number): McidCriterion | null {
  const mcid = instrument.mcid;
  if (mcid.basis === "none") return null;
  if (mcid.basis === "rating") {
    const past = instrument.direction === "higher_is_better" ? score >= mcid.threshold : score <= mcid.threshold;
    return past ? "rating" : null;
  }
  const threshold = meaningfulThreshold(instrument, baseline)!;
  return improvementOf(instrument, baseline, score) >= threshold.points - EPSILON ? "meaningful" : null;
}

/** The latest result set against the threshold, in numbers a clinician can check. */
export function explainAgainstThreshold(instrument: Scored, baseline: number, score: number): string {
  const mcid = instrument.mcid;
  if (mcid.basis === "none") return "";
  if (mcid.basis === "rating") {
    const met = mcidCriterionMet(instrument, baseline, score) !== null;
    const cmp = instrument.direction === "higher_is_better" ? (met ? "≥" : "<") : met ? "≤" : ">";
    return `${ratingWords(instrument, score)} ${cmp} ${ratingWords(instrument, mcid.threshold)}`;
  }
  const t = meaningfulThreshold(instrument, baseline)!;
  const improvement = improvementOf(instrument, baseline, score);
  const met = improvement >= t.points - EPSILON;
  // The change as it reads on the scale (a fall on NPRS is "−3 points"); the threshold is its size.
  return `${signed(score - baseline)} point${Math.abs(round2(score - baseline)) === 1 ? "" : "s"} ${met ? "≥" : "<"} ${num(t.points)} (${t.words})`;
}

/** Plain-language statement of the rule, for reasons and tooltips. */
export function describeMcid(instrument: Scored): string | null {
  const mcid = instrument.mcid;
  const better = instrument.direction === "higher_is_worse" ? "fall" : "rise";
  if (mcid.basis === "none") return null;
  if (mcid.basis === "rating") return `a rating of ${ratingWords(instrument, mcid.threshold)} or better`;
  if (mcid.threshold) return `a ${better} of at least ${pts(mcid.threshold.points)} (${mcid.threshold.source})`;
  const mcidPart =
    mcid.relativePercent !== undefined
      ? `${num(mcid.relativePercent)}% of the baseline`
      : mcid.absolute !== undefined
        ? `the MCID (${pts(mcid.absolute)})`
        : null;
  if (mcid.mdc === undefined) return `a ${better} of at least ${mcidPart}`;
  return `a ${better} of at least the larger of the MDC (${pts(mcid.mdc)}) and ${mcidPart}`;
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
    const threshold = meaningfulThreshold(instrument, baseline.score);
    const realChangeOnly =
      nowCriterion === null &&
      threshold?.mdc != null &&
      improvement !== null &&
      sorted.length > 1 &&
      improvement >= threshold.mdc - EPSILON;
    mcid = {
      reachedNow: nowCriterion !== null,
      firstReachedOn: first?.date ?? null,
      criterion: nowCriterion,
      realChangeOnly,
      threshold: threshold?.points ?? (instrument.mcid.basis === "rating" ? instrument.mcid.threshold : 0),
      explanation: explainAgainstThreshold(instrument, baseline.score, latest.score),
      rule,
    };
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
