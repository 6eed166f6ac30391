import { CHART_TEMPLATE } from "@/lib/clinical/rules/template";
import { FINGERS, HALF_SILHOUETTE, type OutlinePoint } from "./outline-points";

/** Turns the hand-placed outline (outline-points.ts) into SVG paths in drawing units, and maps points into them. */

const W = CHART_TEMPLATE.width;
const H = CHART_TEMPLATE.height;
const r = (n: number) => Math.round(n * 10) / 10;

/**
 * Catmull-Rom through the points, written as cubic Béziers: a smooth, hand-drawn-looking curve
 * that still passes exactly through every placed landmark. Corner points keep a sharp join.
 */
function smoothPath(points: readonly OutlinePoint[], closed: boolean): string {
  const p = points.map(([x, y, corner]) => ({ x: x * W, y: y * H, corner: !!corner }));
  const n = p.length;
  const at = (i: number) => (closed ? p[(i + n) % n]! : p[Math.min(n - 1, Math.max(0, i))]!);
  let d = `M${r(p[0]!.x)} ${r(p[0]!.y)}`;
  const segments = closed ? n : n - 1;
  for (let i = 0; i < segments; i++) {
    const p0 = at(i - 1);
    const p1 = at(i);
    const p2 = at(i + 1);
    const p3 = at(i + 2);
    const c1 = p1.corner ? p1 : { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = p2.corner ? p2 : { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${r(c1.x)} ${r(c1.y)} ${r(c2.x)} ${r(c2.y)} ${r(p2.x)} ${r(p2.y)}`;
  }
  return closed ? `${d} Z` : d;
}

const mirror = (points: readonly OutlinePoint[]): OutlinePoint[] =>
  points.map(([x, y, corner]) => [1 - x, y, corner] as const);

/** The whole silhouette's landmark points, normalised, in drawing order (used by tests too). */
export const SILHOUETTE_POINTS: readonly OutlinePoint[] = [
  ...HALF_SILHOUETTE,
  ...mirror(HALF_SILHOUETTE.slice(1, -1)).reverse(),
];

/** The whole silhouette as one closed path in drawing units (fill target and clip path). */
export const SILHOUETTE_PATH = smoothPath(SILHOUETTE_POINTS, true);

/** An open detail stroke drawn on both sides of the body. */
const both = (points: readonly OutlinePoint[]) => [smoothPath(points, false), smoothPath(mirror(points), false)];

/** A closed detail shape (e.g. a kneecap) on both sides. */
const bothClosed = (points: readonly OutlinePoint[]) => [smoothPath(points, true), smoothPath(mirror(points), true)];

/** Midline strokes that cross x = 0.5: given as their image-left half, mirrored into one path. */
const across = (half: readonly OutlinePoint[]) => smoothPath([...half, ...mirror(half.slice(0, -1)).reverse()], false);

export interface DetailPath {
  d: string;
  /** Dashed: lines that are landmarks rather than edges (the spine). */
  dashed?: boolean;
}

const plain = (ds: string[]): DetailPath[] => ds.map((d) => ({ d }));

/** Faint interior lines that make each view recognisable and orient the therapist. */
export const DETAIL_PATHS: Record<"front" | "back", DetailPath[]> = {
  front: plain([
    // jaw and chin
    across([
      [0.446, 0.118],
      [0.46, 0.13],
      [0.478, 0.137],
      [0.5, 0.14],
    ]),
    // clavicles
    ...both([
      [0.49, 0.189],
      [0.455, 0.191],
      [0.42, 0.186],
      [0.384, 0.188],
    ]),
    // navel
    smoothPath(
      [
        [0.5, 0.375],
        [0.495, 0.38],
        [0.5, 0.385],
        [0.505, 0.38],
      ],
      true,
    ),
    // inguinal folds
    ...both([
      [0.39, 0.438],
      [0.44, 0.468],
      [0.487, 0.497],
    ]),
    // kneecaps
    ...bothClosed([
      [0.448, 0.692],
      [0.437, 0.699],
      [0.435, 0.71],
      [0.44, 0.722],
      [0.448, 0.726],
      [0.456, 0.722],
      [0.461, 0.71],
      [0.459, 0.699],
    ]),
    // toes
    ...both([
      [0.455, 0.974],
      [0.456, 0.986],
    ]),
    ...both([
      [0.441, 0.976],
      [0.441, 0.987],
    ]),
    ...FINGERS.flatMap(both),
  ]),
  back: [
    // spine, from the neck to the sacrum
    {
      d: smoothPath(
        [
          [0.5, 0.16],
          [0.5, 0.455],
        ],
        false,
      ),
      dashed: true,
    },
    ...plain([
      // base of the skull
      across([
        [0.462, 0.126],
        [0.48, 0.132],
        [0.5, 0.134],
      ]),
      // shoulder blades: medial border, inferior angle, lateral border; then the scapular spine
      ...both([
        [0.453, 0.198],
        [0.457, 0.24],
        [0.455, 0.275],
        [0.443, 0.31],
        [0.42, 0.285],
        [0.4, 0.258],
        [0.388, 0.236],
        [0.385, 0.222],
      ]),
      ...both([
        [0.456, 0.226],
        [0.42, 0.216],
        [0.378, 0.205],
      ]),
      // iliac crests
      ...both([
        [0.395, 0.43],
        [0.425, 0.42],
        [0.458, 0.422],
        [0.476, 0.432],
      ]),
      // natal cleft and buttock creases
      smoothPath(
        [
          [0.5, 0.462],
          [0.5, 0.507],
        ],
        false,
      ),
      ...both([
        [0.497, 0.512],
        [0.47, 0.527],
        [0.432, 0.529],
        [0.405, 0.52],
      ]),
      // back of the knees, Achilles tendons
      ...both([
        [0.424, 0.716],
        [0.45, 0.721],
        [0.478, 0.716],
      ]),
      ...both([
        [0.439, 0.88],
        [0.441, 0.935],
      ]),
      ...both([
        [0.456, 0.88],
        [0.454, 0.935],
      ]),
      ...FINGERS.flatMap(both),
    ]),
  ],
};

/** Visible window of each view: the figure plus a margin for the L/R labels (drawing units). */
export const VIEW_BOX = { x: 0.19 * W, y: 0, width: 0.62 * W, height: H } as const;
export const VIEW_BOX_ATTR = `${VIEW_BOX.x} ${VIEW_BOX.y} ${VIEW_BOX.width} ${VIEW_BOX.height}`;

/** Normalised point to drawing units. */
export const toDrawing = (x: number, y: number) => ({ x: x * W, y: y * H });
