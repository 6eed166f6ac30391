import { itemScoreBounds, type InstrumentDefinition, type InstrumentItem } from "./instrument-schema";

/** Raw answers keyed by item id; null or absent means the item was skipped. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

export type ScoreIssueCode =
  | "unknown_item"
  | "not_a_number"
  | "not_an_option"
  | "out_of_range"
  | "off_step"
  | "required"
  | "too_few_answered"
  | "too_many_skipped";

/** Shaped like a zod issue so forms can show it beside the field (`path[0]` is the item id). */
export type ScoreIssue = { code: ScoreIssueCode; path: string[]; message: string };

export type ScoreResult = {
  instrumentId: string;
  instrumentVersion: number;
  score: number;
  scoreRange: { min: number; max: number };
  itemsAnswered: number;
  itemsTotal: number;
  /** True when skipped items were compensated for (NDI/ODI); such scores deserve a mark in the UI. */
  proRated: boolean;
  interpretation?: string;
};

export type ScoreOutcome = { success: true; data: ScoreResult } | { success: false; error: { issues: ScoreIssue[] } };

// Two decimals: enough for pro-rated and mean scores, and stops float noise (35.5555…) being stored.
const round2 = (n: number) => Math.round(n * 100) / 100;
const EPSILON = 1e-9;

/**
 * Scores one response with the instrument's data-driven rule. Every bad answer is reported, not
 * just the first, so a form can mark all of them at once. No instrument-specific branches.
 */
export function scoreResponse(instrument: InstrumentDefinition, answers: Answers): ScoreOutcome {
  const issues: ScoreIssue[] = [];
  const known = new Set(instrument.items.map((i) => i.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      issues.push({ code: "unknown_item", path: [key], message: `"${key}" is not a question of ${instrument.name}.` });
  }

  const answered: { item: InstrumentItem; points: number }[] = [];
  const skipped: InstrumentItem[] = [];
  for (const item of instrument.items) {
    const raw = answers[item.id];
    if (raw === null || raw === undefined) {
      skipped.push(item);
      continue;
    }
    const checked = pointsFor(item, raw);
    if ("issue" in checked) issues.push(checked.issue);
    else answered.push({ item, points: checked.points });
  }

  const rule = instrument.scoring;
  if (rule.type === "single" || rule.type === "sum") {
    // These rules have no way to make up for a missing answer.
    for (const item of skipped)
      issues.push({ code: "required", path: [item.id], message: `${item.title}: an answer is needed.` });
  } else if (rule.type === "mean" && answered.length + invalidCount(issues) < rule.minAnswered) {
    issues.push({
      code: "too_few_answered",
      path: [],
      message: `At least ${rule.minAnswered} items must be rated; ${answered.length} were.`,
    });
  } else if (rule.type === "scaled_sum" && skipped.length > rule.proRating.maxSkipped) {
    issues.push({
      code: "too_many_skipped",
      path: [],
      message: `${skipped.length} sections were skipped (${skipped.map((i) => i.title).join(", ")}); at most ${rule.proRating.maxSkipped} can be skipped for the score to be pro-rated.`,
    });
  }
  if (issues.length > 0) return { success: false, error: { issues } };

  const points = answered.map((a) => a.points);
  const total = points.reduce((a, b) => a + b, 0);
  let score: number;
  if (rule.type === "single" || rule.type === "sum") score = total;
  else if (rule.type === "mean") score = total / points.length;
  else {
    const possible = answered.reduce((acc, a) => acc + itemScoreBounds(a.item.answer).max, 0);
    score = (total / possible) * rule.scaleMax;
  }
  score = round2(score);

  const band = instrument.bands.find((b) => score <= b.max + EPSILON);
  return {
    success: true,
    data: {
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      score,
      scoreRange: { ...instrument.range },
      itemsAnswered: answered.length,
      itemsTotal: instrument.items.length,
      proRated: rule.type === "scaled_sum" && skipped.length > 0,
      ...(band ? { interpretation: band.label } : {}),
    },
  };
}

/** Answers already rejected as invalid were still given, so they do not also count as "too few". */
function invalidCount(issues: ScoreIssue[]): number {
  return issues.filter((i) => i.code !== "unknown_item").length;
}

function pointsFor(item: InstrumentItem, raw: number): { points: number } | { issue: ScoreIssue } {
  const path = [item.id];
  if (typeof raw !== "number" || !Number.isFinite(raw)) {
    return { issue: { code: "not_a_number", path, message: `${item.title}: the answer must be a number.` } };
  }
  const answer = item.answer;
  if (answer.kind === "options") {
    const option = answer.options.find((o) => o.value === raw);
    if (!option) {
      const allowed = answer.options.map((o) => o.value).join(", ");
      return {
        issue: {
          code: "not_an_option",
          path,
          message: `${item.title}: ${raw} is not one of the answers (${allowed}).`,
        },
      };
    }
    return { points: option.score ?? option.value };
  }
  if (raw < answer.min || raw > answer.max) {
    return {
      issue: {
        code: "out_of_range",
        path,
        message: `${item.title}: ${raw} is outside the scale, which runs from ${answer.min} to ${answer.max}.`,
      },
    };
  }
  const steps = (raw - answer.min) / answer.step;
  if (Math.abs(steps - Math.round(steps)) > EPSILON) {
    const unit = answer.step === 1 ? "whole numbers" : `steps of ${answer.step}`;
    return {
      issue: {
        code: "off_step",
        path,
        message: `${item.title}: ${raw} is not on the scale; use ${unit} from ${answer.min} to ${answer.max}.`,
      },
    };
  }
  return { points: raw };
}
