import type { ChartPoint, ChartView } from "@/lib/clinical/rules/types";

export type ChartMarkKind = "active" | "latent" | "ghost";

/** One trigger point mark on the chart. Coordinates are normalised 0..1 on the template. */
export interface ChartMark {
  id: string;
  view: ChartView;
  x: number;
  y: number;
  /** "ghost" = a mark from the last visit, shown for reference (selectable, not movable). */
  kind: ChartMarkKind;
  /** Short visible label, e.g. "UT-1". */
  label: string;
  /** Spoken after the label, e.g. "right upper trapezius". Defaults to the client's side. */
  description?: string;
  selected?: boolean;
}

export type RegionShadeKind = "referred" | "client";

/** A shaded body region: referred pain found on examination, or the client's own pain drawing. */
export interface RegionShade {
  regionId: string;
  kind: RegionShadeKind;
  /** Client pain 0–10 (NPRS); darker blue for higher scores. Ignored for referred shading. */
  score?: number;
}

/**
 * One finding's contribution to a density ("heat") layer, e.g. every finding across the last
 * few visits. Overlapping spots add up, so places found again and again look darker.
 */
export interface HeatSpot {
  view: ChartView;
  x: number;
  y: number;
  /** 0–1: how much this spot counts (1 = one full finding). */
  weight: number;
}

/** Callbacks shared by the chart and each of its views. */
export interface BodyChartHandlers {
  /** Click/tap on the figure: where to place a new mark. */
  onPlace?(point: ChartPoint): void;
  /** A mark was dragged (called once, on release) or nudged with the arrow keys. */
  onMove?(id: string, point: ChartPoint): void;
  /** A mark was clicked/tapped without dragging, or Enter/Space pressed on it. */
  onSelect?(id: string): void;
  /** Delete/Backspace on a focused mark. Offer undo: the key is easy to hit by accident. */
  onDelete?(id: string): void;
  /** Disable placing, moving and deleting (selecting still works if onSelect is given). */
  readOnly?: boolean;
}
