import { MIDLINE_HALF_WIDTH } from "./template";
import type { ChartPoint, ChartView, ClientSide } from "./types";

/**
 * Which side of the CLIENT a point is on. The front view shows the client facing us, so their
 * right is on the image's left (x < 0.5); the back view shows their back, so their right is on
 * the image's right (x > 0.5). Points within the midline band count as midline.
 */
export function sideAt(point: ChartPoint, midlineHalfWidth = MIDLINE_HALF_WIDTH): ClientSide {
  const offset = point.x - 0.5;
  if (Math.abs(offset) <= midlineHalfWidth) return "midline";
  const onImageLeft = offset < 0;
  if (point.view === "front") return onImageLeft ? "right" : "left";
  return onImageLeft ? "left" : "right";
}

/** The same spot on the client's other side (same view, same height). */
export function mirrorPoint<P extends ChartPoint>(point: P): P {
  return { ...point, x: 1 - point.x };
}

/**
 * Position of a right-side reference coordinate for the requested client side. The seed gives
 * every trigger point for the client's right; the left is x' = 1 - x in the same view.
 */
export function pointForSide(view: ChartView, x: number, y: number, side: ClientSide): ChartPoint {
  return { view, x: side === "left" ? 1 - x : x, y };
}

const SUFFIX = /_(r|l)$/;

/** The client side a region id denotes: `_r` / `_l` suffixes, no suffix = midline. */
export function regionSide(regionId: string): ClientSide {
  const match = SUFFIX.exec(regionId);
  if (!match) return "midline";
  return match[1] === "r" ? "right" : "left";
}

/**
 * Re-targets a region id to a client side. The seed lists referral zones with right-side ids;
 * a left-side finding uses the `_l` twin. Midline ids (no suffix) are returned unchanged.
 */
export function regionIdForSide(regionId: string, side: ClientSide): string {
  if (side === "midline" || !SUFFIX.test(regionId)) return regionId;
  return regionId.replace(SUFFIX, side === "left" ? "_l" : "_r");
}
