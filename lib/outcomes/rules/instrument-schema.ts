import { z } from "zod";

/**
 * An outcome instrument is data, not code: items, answers, scoring rule, range, direction and
 * MCID live in a definition that one engine (score.ts) interprets. Definitions are versioned
 * because stored responses must always be re-scorable with the rules they were answered under.
 */

export const answerOptionSchema = z.object({
  /** What is stored as the raw answer. */
  value: z.number(),
  /** null when the wording is licensed (clinic supplies it) or missing from our reference. */
  label: z.string().min(1).nullable(),
  /** Points this answer contributes; defaults to `value`. Lets reverse-keyed items stay data. */
  score: z.number().optional(),
});

const anchorSchema = z.object({ value: z.number(), label: z.string().min(1) });

export const itemAnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("options"), options: z.array(answerOptionSchema).min(2) }),
  z.object({
    kind: z.literal("scale"),
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    /** Verbal anchors shown at fixed points (e.g. 0 = no pain); the score is the number. */
    anchors: z.array(anchorSchema),
  }),
]);

export const itemSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "Item ids are lower_snake_case."),
    /** Section title: free to show even where the item wording itself is copyrighted. */
    title: z.string().min(1),
    prompt: z.string().min(1).nullable(),
    /** instrument = wording shipped here; clinic = clinic supplies (licensed) wording; patient = patient names it (PSFS). */
    promptSource: z.enum(["instrument", "clinic", "patient"]),
    answer: itemAnswerSchema,
  })
  .refine((item) => (item.prompt === null) === (item.promptSource !== "instrument"), {
    message: "Only instrument-sourced items carry a prompt; clinic- and patient-sourced wording is supplied later.",
    path: ["prompt"],
  });

export const scoringRuleSchema = z.discriminatedUnion("type", [
  /** The one item's answer is the score (NPRS, GROC, PGIC). */
  z.object({ type: z.literal("single") }),
  /** Plain sum; every item must be answered because a sum of fewer items is not comparable. */
  z.object({ type: z.literal("sum") }),
  /** Mean of the answered items (PSFS: the patient rates 3 to 5 activities). */
  z.object({ type: z.literal("mean"), minAnswered: z.int().positive() }),
  /**
   * sum / (max points of the ANSWERED items) × scaleMax: the NDI/ODI pro-rating, which is the
   * same as filling each skipped section with the mean of the answered ones.
   */
  z.object({
    type: z.literal("scaled_sum"),
    scaleMax: z.number().positive(),
    proRating: z.object({
      maxSkipped: z.int().min(0),
      method: z.literal("answered_items"),
      note: z.string().min(1),
    }),
  }),
]);

export const scoreRangeSchema = z
  .object({ min: z.number(), max: z.number() })
  .refine((r) => r.min < r.max, { message: "min must be below max" });

export const directionSchema = z.enum(["higher_is_worse", "higher_is_better"]);

/** Bands in ascending order; a score belongs to the first band whose `max` it does not exceed. */
export const bandSchema = z.object({ max: z.number(), label: z.string().min(1) });

export const mcidSchema = z.discriminatedUnion("basis", [
  /**
   * Change from baseline. A change is "meaningful" for one client only when it reaches the larger
   * of the MDC (beyond measurement error) and the MCID (important to patients); the MCID part is
   * `relativePercent` × baseline where a relative MCID exists (NPRS, ODI), else `absolute`
   * (domain README §6, reference v2 `meaningful_change`). `threshold` fixes the number where the
   * reference's authors recommend one (NDI: Young 2009 use 10 although the MDC is 10.2).
   */
  z
    .object({
      basis: z.literal("change"),
      /** MCID in scale points. */
      absolute: z.number().positive().optional(),
      /** MCID as a percentage of the baseline. */
      relativePercent: z.number().positive().max(100).optional(),
      /** Minimal detectable change in scale points. */
      mdc: z.number().positive().optional(),
      /** A fixed threshold in scale points that replaces max(MDC, MCID), with where it comes from. */
      threshold: z.object({ points: z.number().positive(), source: z.string().min(1) }).optional(),
      text: z.string().min(1),
    })
    .refine((m) => m.absolute !== undefined || m.relativePercent !== undefined || m.threshold !== undefined, {
      message: "A change MCID needs an absolute, a relative or a fixed threshold.",
    }),
  /** The instrument itself rates change (GROC, PGIC): a rating at or past `threshold` counts. */
  z.object({ basis: z.literal("rating"), threshold: z.number(), text: z.string().min(1) }),
  z.object({ basis: z.literal("none"), text: z.string().min(1) }),
]);

export const licenceSchema = z.object({
  status: z.enum(["free", "licensed", "unknown"]),
  note: z.string().min(1),
});

type ItemAnswer = z.infer<typeof itemAnswerSchema>;

/** Lowest and highest points one item can contribute. */
export function itemScoreBounds(answer: ItemAnswer): { min: number; max: number } {
  if (answer.kind === "scale") return { min: answer.min, max: answer.max };
  const points = answer.options.map((o) => o.score ?? o.value);
  return { min: Math.min(...points), max: Math.max(...points) };
}

export const instrumentSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    version: z.int().positive(),
    name: z.string().min(1),
    /** Version of the reference data the definition was built from. */
    referenceVersion: z.string().min(1),
    items: z.array(itemSchema).min(1),
    scoring: scoringRuleSchema,
    range: scoreRangeSchema,
    direction: directionSchema,
    bands: z.array(bandSchema),
    mcid: mcidSchema,
    licence: licenceSchema,
    notes: z.string(),
    /** Instructions shown before the items (EARS: verified wording from the reference). */
    instructions: z.string().min(1).nullable().default(null),
    /**
     * Which published version and which way the answers run, shown on screen where versions differ
     * (PGIC: CGI-style 1 = very much improved … 7 = very much worse; Hurst & Bolton runs the other way).
     */
    versionNote: z.string().min(1).nullable().default(null),
  })
  .superRefine((def, ctx) => {
    const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: "custom", message, path });
    const ids = def.items.map((i) => i.id);
    if (new Set(ids).size !== ids.length) issue("Item ids must be unique.", ["items"]);
    def.items.forEach((item, i) => {
      if (item.answer.kind === "options") {
        const values = item.answer.options.map((o) => o.value);
        if (new Set(values).size !== values.length) issue("Answer values must be unique.", ["items", i, "answer"]);
      }
    });

    const bounds = def.items.map((i) => itemScoreBounds(i.answer));
    const rule = def.scoring;
    // The declared range must be what the rule can actually produce, so a typo cannot hide.
    let derived: { min: number; max: number } | null = null;
    if (rule.type === "single") {
      if (def.items.length !== 1) issue("A single-item rule needs exactly one item.", ["items"]);
      derived = bounds[0] ?? null;
    } else if (rule.type === "sum") {
      derived = { min: sum(bounds.map((b) => b.min)), max: sum(bounds.map((b) => b.max)) };
    } else if (rule.type === "mean") {
      if (rule.minAnswered > def.items.length) issue("minAnswered exceeds the number of items.", ["scoring"]);
      derived = { min: Math.min(...bounds.map((b) => b.min)), max: Math.max(...bounds.map((b) => b.max)) };
    } else {
      if (rule.proRating.maxSkipped >= def.items.length) issue("maxSkipped must leave at least one item.", ["scoring"]);
      if (bounds.some((b) => b.min !== 0)) issue("Pro-rated sums need items that start at 0.", ["items"]);
      derived = { min: 0, max: rule.scaleMax };
    }
    if (derived && (derived.min !== def.range.min || derived.max !== def.range.max)) {
      issue(
        `Declared range ${def.range.min}–${def.range.max} does not match the rule's ${derived.min}–${derived.max}.`,
        ["range"],
      );
    }

    def.bands.forEach((band, i) => {
      const previous = def.bands[i - 1];
      if (previous && band.max <= previous.max) issue("Bands must ascend.", ["bands", i]);
    });
    const last = def.bands.at(-1);
    if (last && last.max !== def.range.max) issue("The last band must end at the top of the range.", ["bands"]);
    if (def.mcid.basis === "rating" && (def.mcid.threshold < def.range.min || def.mcid.threshold > def.range.max)) {
      issue("The MCID rating threshold lies outside the range.", ["mcid"]);
    }
  });

export type InstrumentDefinition = z.infer<typeof instrumentSchema>;
export type InstrumentItem = z.infer<typeof itemSchema>;

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
