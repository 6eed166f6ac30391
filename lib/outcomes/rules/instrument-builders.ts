import data from "@/db/seed/reference/domain-data.json";
import type { z } from "zod";
import { instrumentSchema, type InstrumentItem } from "./instrument-schema";

// The builders instruments.ts defines each shipped instrument with: reading the reference seed
// (domain-data.json, `outcome_measures`), never filling in what it lacks.

type InstrumentInput = z.input<typeof instrumentSchema>;

export type RefMeasure = (typeof data.outcome_measures)[number];

export function ref(id: string): RefMeasure {
  const measure = data.outcome_measures.find((m) => m.id === id);
  if (!measure) throw new Error(`Reference outcome measure "${id}" is missing from domain-data.json.`);
  return measure;
}

/** The reference mixes numbers and phrases ("7.5 points (0-50)"); take a leading number. */
export function refNumber(value: unknown, what: string): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number.parseFloat(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new Error(`Reference ${what} is not a number: ${String(value)}`);
  return n;
}

export function base(id: string) {
  const m = ref(id);
  return {
    id,
    name: m.name,
    referenceVersion: data.meta.version,
    range: { min: refNumber(m.range.min, `${id} range.min`), max: refNumber(m.range.max, `${id} range.max`) },
    direction: m.range.higher_is_worse ? ("higher_is_worse" as const) : ("higher_is_better" as const),
    notes: m.notes,
    mcidText: m.mcid.text,
  };
}

export function numbered(
  prefix: string,
  title: string,
  count: number,
  make: (id: string, title: string) => InstrumentItem,
) {
  return Array.from({ length: count }, (_, i) => make(`${prefix}_${i + 1}`, `${title} ${i + 1}`));
}

/** 0..max options whose wording the clinic supplies under its licence. */
export function unlabelledOptions(max: number) {
  return { kind: "options" as const, options: Array.from({ length: max + 1 }, (_, value) => ({ value, label: null })) };
}

export function licensedSections(titles: readonly string[]): InstrumentItem[] {
  return titles.map((title) => ({
    id: title.toLowerCase().replace(/[^a-z]+/g, "_"),
    title,
    prompt: null,
    promptSource: "clinic",
    answer: unlabelledOptions(5),
  }));
}

/** A measure's labelled answers from the reference (GROC, PGIC), in scale order. */
export function refOptions(m: RefMeasure, id: string) {
  const options = (m as { answer_options?: { value: number; label: string }[] }).answer_options;
  if (!options?.length) throw new Error(`Reference ${id} has no answer_options.`);
  return options.map((o) => ({ value: o.value, label: o.label }));
}

/**
 * Skipped NDI/ODI sections are pro-rated over the answered ones (reference v2
 * `scoring_missing_items`). No published maximum exists; the default is the reference's
 * `max_skipped_default` (1: the published one-missed-section case, and what awell-score allows).
 * A clinic may allow more (clinic setting, see outcome-settings.ts).
 */
export function proRating(id: "ndi" | "odi") {
  const missing = ref(id).scoring_missing_items;
  if (!missing) throw new Error(`Reference ${id} has no scoring_missing_items.`);
  return {
    maxSkipped: missing.max_skipped_default,
    method: "answered_items" as const,
    note: `Skipped sections are left out of both the sum and the maximum (${missing.method}). By default at most ${missing.max_skipped_default} may be skipped; no published maximum exists, so a clinic may allow more.`,
  };
}

/** "Young 2009" from "…; Young 2009 recommend 10 points …": who set a fixed threshold, for the badge. */
export function thresholdAuthor(formula: string): string {
  return formula.match(/[A-Z][a-z]+ \d{4}/)?.[0] ?? "reference";
}

/** max(MDC, MCID) from the reference's `meaningful_change`, with its fixed threshold where it sets one. */
export function changeMcid(id: string) {
  const m = ref(id);
  const meaningful = (m as { meaningful_change?: Record<string, unknown> }).meaningful_change;
  if (!meaningful) throw new Error(`Reference ${id} has no meaningful_change.`);
  const mdc = refNumber(meaningful.mdc_points, `${id} mdc`);
  const mcid = refNumber(meaningful.mcid_points, `${id} mcid`);
  const relative =
    meaningful.mcid_relative_percent === null || meaningful.mcid_relative_percent === undefined
      ? undefined
      : refNumber(meaningful.mcid_relative_percent, `${id} mcid %`);
  const fixed =
    meaningful.threshold_points === undefined ? undefined : refNumber(meaningful.threshold_points, `${id} threshold`);
  return {
    basis: "change" as const,
    absolute: mcid,
    ...(relative !== undefined ? { relativePercent: relative } : {}),
    mdc,
    // Only where the reference's number differs from max(MDC, MCID) (NDI: 10, not 10.2).
    ...(fixed !== undefined && relative === undefined && fixed !== Math.max(mdc, mcid)
      ? { threshold: { points: fixed, source: `${thresholdAuthor(String(meaningful.formula))} threshold` } }
      : {}),
  };
}

export function define(
  { mcidText, ...rest }: ReturnType<typeof base>,
  def: Omit<InstrumentInput, keyof ReturnType<typeof base> | "mcid" | "referenceVersion"> & {
    mcid: Record<string, unknown>;
  },
) {
  return instrumentSchema.parse({ ...rest, ...def, mcid: { ...def.mcid, text: mcidText } });
}
