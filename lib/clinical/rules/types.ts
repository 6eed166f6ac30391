/**
 * Shared chart vocabulary. Pure TypeScript so both the browser chart and server code can use it.
 *
 * Coordinates follow the reference seed (meta.coordinates in domain-data.json): normalised 0..1 on
 * one upright adult template, x from the image's left edge, y from the top. Sides are always the
 * CLIENT's (patient's) side, never the viewer's.
 */

export type ChartView = "front" | "back";

export const CHART_VIEWS: readonly ChartView[] = ["front", "back"];

/** A position on the template, stored with every mark (never raw screen pixels). */
export interface ChartPoint {
  view: ChartView;
  /** 0 = left edge of the image, 1 = right edge. */
  x: number;
  /** 0 = top (above the vertex), 1 = bottom (below the soles). */
  y: number;
}

/** The client's side. "midline" for marks on the spine, sternum, throat, etc. */
export type ClientSide = "left" | "right" | "midline";

/**
 * The slice of a reference muscle the charting rules need. Kept structural and loose
 * (`view: string`) so the seed JSON is assignable without casts; views other than front/back
 * (e.g. "side", "plantar") are simply not chartable on this template.
 */
export interface ReferenceMuscle {
  id: string;
  name: string;
  side_applicable: boolean;
  trigger_points: ReadonlyArray<{
    label: string;
    approx: { view: string; x: number; y: number; side?: string };
  }>;
  referral_zones: readonly string[];
}

/** The slice of a reference body region the charting rules need. */
export interface ReferenceRegion {
  id: string;
  name: string;
  view: string;
  side: string;
  approx_center: { x: number; y: number };
}
