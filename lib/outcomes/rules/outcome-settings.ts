import type { InstrumentDefinition } from "./instrument-schema";

/**
 * A clinic's choices about outcome scoring, applied to the shipped definitions. Pure: the
 * settings are read from the clinic row (lib/outcomes/questionnaires/outcome-settings.ts) and passed in.
 *
 * - `ndiThresholdPoints`: 10 (Young 2009, the reference default) or 5 (Vernon's informal MDC/MCID
 *   for uncomplicated neck pain, which the reference keeps as a clinic option).
 * - `maxSkippedSections`: how many NDI/ODI sections may be skipped and still be pro-rated. The
 *   reference default is 1; no published maximum exists, so a clinic may allow more, up to
 *   MAX_SKIPPED_LIMIT (beyond that the score rests on too few answers to compare over time).
 */
export type OutcomeSettings = { ndiThresholdPoints: NdiThreshold; maxSkippedSections: number };

export const NDI_THRESHOLDS = [10, 5] as const;
export type NdiThreshold = (typeof NDI_THRESHOLDS)[number];
export const MAX_SKIPPED_LIMIT = 3;

/** Where each NDI threshold comes from, in words for the badge and the settings page. */
export const NDI_THRESHOLD_SOURCES: Record<NdiThreshold, string> = {
  10: "Young 2009 threshold",
  5: "clinic setting: Vernon's 5 points for uncomplicated neck pain",
};

/** The definition with another limit on skipped sections (pro-rated instruments only). */
export function withMaxSkipped(def: InstrumentDefinition, maxSkipped: number): InstrumentDefinition {
  if (def.scoring.type !== "scaled_sum") return def;
  return { ...def, scoring: { ...def.scoring, proRating: { ...def.scoring.proRating, maxSkipped } } };
}

/** The definition with a fixed meaningful-change threshold (change instruments only). */
export function withThreshold<T extends Pick<InstrumentDefinition, "mcid">>(
  def: T,
  threshold: { points: number; source: string; mdc?: number; mcid?: number },
): T {
  if (def.mcid.basis !== "change") return def;
  const { points, source, mdc, mcid } = threshold;
  return {
    ...def,
    mcid: {
      ...def.mcid,
      ...(mdc !== undefined ? { mdc } : {}),
      ...(mcid !== undefined ? { absolute: mcid } : {}),
      threshold: { points, source },
    },
  };
}

/** The shipped definition as this clinic scores and judges it. */
export function applyOutcomeSettings(def: InstrumentDefinition, settings: OutcomeSettings): InstrumentDefinition {
  let out = withMaxSkipped(def, settings.maxSkippedSections);
  if (def.id === "ndi" && settings.ndiThresholdPoints === 5) {
    // Vernon's note gives MDC = MCID ≈ 5, so 5 is both parts of the rule, not just a lower bar.
    out = withThreshold(out, { points: 5, source: NDI_THRESHOLD_SOURCES[5], mdc: 5, mcid: 5 });
  }
  return out;
}
