import { pointForSide } from "./side";
import { TEMPLATE_ASPECT } from "./template";
import type { ChartPoint, ClientSide, ReferenceMuscle } from "./types";

export interface NearbyTriggerPoint {
  muscleId: string;
  muscleName: string;
  /** Atlas-style label of the closest typical site, e.g. "UT-1". */
  label: string;
  /** Client side of that site (the mirrored twin for left-side sites). */
  side: ClientSide;
  /** Distance in figure heights (0.01 ≈ 1.7 cm on an adult). */
  distance: number;
}

export interface NearestTriggerPointsOptions {
  /** Ignore muscles whose closest typical site is farther than this (figure heights). */
  maxDistance?: number;
}

/**
 * Distance on the figure, not in raw normalised units: one x unit is only 0.75 of a y unit
 * (see CHART_TEMPLATE), so plain Euclidean distance on (x, y) would favour vertical neighbours.
 */
export function figureDistance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot((a.x - b.x) * TEMPLATE_ASPECT, a.y - b.y);
}

/**
 * Muscles ranked by how close their typical trigger point sites are to a clicked point, in the
 * same view — used to pre-select the muscle when the therapist places a mark. Each muscle
 * appears once, represented by its closest site; the reference's right-side coordinates are
 * mirrored to the left for side-applicable muscles. A suggestion only: the therapist confirms.
 */
export function nearestTriggerPoints(
  point: ChartPoint,
  muscles: readonly ReferenceMuscle[],
  k = 3,
  options: NearestTriggerPointsOptions = {},
): NearbyTriggerPoint[] {
  const best: NearbyTriggerPoint[] = [];
  for (const muscle of muscles) {
    let closest: NearbyTriggerPoint | undefined;
    for (const trp of muscle.trigger_points) {
      const { view, x, y } = trp.approx;
      if (view !== point.view) continue;
      const sides: ClientSide[] = muscle.side_applicable ? ["right", "left"] : ["midline"];
      for (const side of sides) {
        const distance = figureDistance(point, pointForSide(point.view, x, y, side));
        if (!closest || distance < closest.distance) {
          closest = { muscleId: muscle.id, muscleName: muscle.name, label: trp.label, side, distance };
        }
      }
    }
    if (closest && (options.maxDistance === undefined || closest.distance <= options.maxDistance)) {
      best.push(closest);
    }
  }
  // Stable tie-break on id keeps suggestions from flickering between renders.
  best.sort((a, b) => a.distance - b.distance || a.muscleId.localeCompare(b.muscleId));
  return best.slice(0, Math.max(0, k));
}
