import { figureDistance } from "./nearest-trigger-points";
import { TEMPLATE_ASPECT } from "./template";
import { TEMPLATE_REGIONS } from "./template-regions";
import type { ChartView } from "./types";

export interface RegionShape {
  id: string;
  name: string;
  view: ChartView;
  /** Centre, normalised 0..1. */
  x: number;
  y: number;
  /** Half-width and half-height of the soft ellipse drawn for the region, normalised units. */
  rx: number;
  ry: number;
}

/**
 * The reference gives regions only as centre points. A region is drawn as an ellipse sized by
 * its neighbours: its half-width is 0.7 × the distance to the nearest centre lying more sideways
 * than up/down from it, its half-height the same for the nearest centre above or below. That
 * makes limb regions (neighbours far above and below) long and narrow, and face regions small.
 * Overlap between neighbours is intended (pain areas blend); the chart clips to the outline.
 */
const SPREAD = 0.7;
const MIN_RADIUS = 0.012;
const MAX_HALF_WIDTH = 0.04;
const MAX_HALF_HEIGHT = 0.06;

function buildShapes(): Map<string, RegionShape> {
  const shapes = new Map<string, RegionShape>();
  for (const [id, view, x, y, name] of TEMPLATE_REGIONS) {
    let sideways = Infinity;
    let vertical = Infinity;
    for (const [otherId, otherView, ox, oy] of TEMPLATE_REGIONS) {
      if (otherId === id || otherView !== view) continue;
      const d = figureDistance({ x, y }, { x: ox, y: oy });
      if (Math.abs(ox - x) * TEMPLATE_ASPECT >= Math.abs(oy - y)) sideways = Math.min(sideways, d);
      else vertical = Math.min(vertical, d);
    }
    const clamp = (v: number, max: number) => Math.min(max, Math.max(MIN_RADIUS, v * SPREAD));
    const halfWidth = clamp(sideways, MAX_HALF_WIDTH);
    const halfHeight = clamp(vertical, MAX_HALF_HEIGHT);
    // Sizes are in figure heights; the x radius goes back to x units so circles stay round.
    shapes.set(id, { id, name, view, x, y, rx: halfWidth / TEMPLATE_ASPECT, ry: halfHeight });
  }
  return shapes;
}

let cache: Map<string, RegionShape> | undefined;

/** Shape of a template region, or undefined for an unknown id (e.g. a newer seed's region). */
export function regionShape(regionId: string): RegionShape | undefined {
  cache ??= buildShapes();
  return cache.get(regionId);
}

/** Human name of a region, falling back to the id so nothing renders blank. */
export function regionName(regionId: string): string {
  return regionShape(regionId)?.name ?? regionId;
}
