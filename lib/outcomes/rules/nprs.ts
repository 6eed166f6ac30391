import { z } from "zod";
import { NPRS } from "./instruments";

/**
 * NPRS (0–10) helpers shared by visit notes, diary entries and check-ins. Every way a pain score
 * can be wrong gets the same sentence, because to the person typing it the problem is always
 * the same: the number has to be a whole number from 0 to 10.
 */
export const NPRS_MESSAGE = "Pain scores run from 0 (no pain) to 10 (worst imaginable).";

export const NPRS_MIN = NPRS.range.min;
export const NPRS_MAX = NPRS.range.max;

export const nprsScoreSchema = z
  .number({ error: NPRS_MESSAGE })
  .int({ error: NPRS_MESSAGE })
  .min(NPRS_MIN, { error: NPRS_MESSAGE })
  .max(NPRS_MAX, { error: NPRS_MESSAGE });

/**
 * For form fields and search params, which arrive as strings. An empty field is "not
 * recorded" (undefined), never coerced to 0, which would read as "no pain".
 */
export const nprsScoreInputSchema = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value)) : value),
  nprsScoreSchema.optional(),
);

/** The reference's band for a pain score: No pain, Mild (1–3), Moderate (4–6), Severe (7–10). */
export function nprsBand(score: number): string {
  const parsed = nprsScoreSchema.parse(score);
  const band = NPRS.bands.find((b) => parsed <= b.max);
  if (!band) throw new Error("NPRS bands do not cover the scale.");
  return band.label;
}
