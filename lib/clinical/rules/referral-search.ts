import { regionIdForSide, regionSide } from "./side";
import type { ReferenceMuscle } from "./types";

/**
 * Which side(s) to palpate: "right"/"left" for one side, "both" when only midline regions
 * (sacrum, occiput, ...) matched so either side's muscle could be the source, and "midline"
 * for muscles the reference does not treat per side.
 */
export type PalpationSide = "left" | "right" | "both" | "midline";

export interface ReferralCandidate {
  muscleId: string;
  muscleName: string;
  side: PalpationSide;
  /** The client's painful regions this muscle's typical pattern covers, in the input's order. */
  matchedRegions: string[];
  /** matched / painful regions: how much of the complaint this muscle would explain. */
  coverage: number;
  /** matched / regions in the muscle's pattern: smaller, focused patterns score higher. */
  specificity: number;
}

/**
 * "Where to palpate": muscles whose typical referral zones cover the client's painful regions,
 * most likely first. Ranking: more painful regions explained first; then the more specific
 * pattern (a muscle that refers to 2 zones and hits both is a better lead than one that refers to
 * 8 and hits 2); then name for a stable order. Patterns are typical, not fixed (Delphi 2018), so
 * this is a checklist for examination, never a diagnosis.
 *
 * Region ids carry the client's side (`_r` / `_l`); the reference lists right-side zones, so each
 * side-applicable muscle is checked once per side with the zones re-targeted.
 */
export function musclesReferringTo(
  regionIds: readonly string[],
  muscles: readonly ReferenceMuscle[],
): ReferralCandidate[] {
  const painful = [...new Set(regionIds)];
  if (painful.length === 0) return [];
  const candidates: ReferralCandidate[] = [];

  for (const muscle of muscles) {
    const zoneCount = muscle.referral_zones.length;
    if (zoneCount === 0) continue;
    const matchesFor = (side: "left" | "right" | "midline") => {
      const zones = new Set(muscle.referral_zones.map((z) => regionIdForSide(z, side)));
      return painful.filter((r) => zones.has(r));
    };
    const push = (side: PalpationSide, matched: string[]) => {
      if (matched.length === 0) return;
      candidates.push({
        muscleId: muscle.id,
        muscleName: muscle.name,
        side,
        matchedRegions: matched,
        coverage: matched.length / painful.length,
        specificity: matched.length / zoneCount,
      });
    };

    if (!muscle.side_applicable) {
      push("midline", matchesFor("midline"));
      continue;
    }
    const right = matchesFor("right");
    const left = matchesFor("left");
    const onlyMidline = (m: string[]) => m.every((r) => regionSide(r) === "midline");
    if (onlyMidline(right) && onlyMidline(left)) {
      // Same midline-only matches on both sides: one entry, not two identical rows.
      push("both", right);
    } else {
      push("right", right);
      push("left", left);
    }
  }

  candidates.sort(
    (a, b) =>
      b.matchedRegions.length - a.matchedRegions.length ||
      b.specificity - a.specificity ||
      a.muscleName.localeCompare(b.muscleName) ||
      a.side.localeCompare(b.side),
  );
  return candidates;
}
