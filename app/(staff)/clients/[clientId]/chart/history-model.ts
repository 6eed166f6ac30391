import type { ChartHistory } from "@/lib/clinical/chart-history";
import type { ChartMark, HeatSpot } from "@/app/_components/body-chart";

export type HistoryVisit = ChartHistory["visits"][number];
export type HistoryPoint = ChartHistory["points"][number];
export type HistoryFinding = HistoryPoint["findings"][number];
type Side = HistoryPoint["side"];

/** Marks closer than this (normalised units, ~2 px on a typical chart) count as the same spot. */
const SAME_SPOT = 0.004;

const SIDE_ORDER: Record<Side, number> = { right: 0, left: 1, midline: 2 };

export const sideWord = (side: Side) => (side === "left" ? "Left" : side === "right" ? "Right" : "Midline");

/** "right upper trapezius": how a point is named in sentences and for screen readers. */
export const pointName = (p: HistoryPoint) =>
  (p.side === "midline" ? p.muscleName : `${p.side} ${p.muscleName}`).toLowerCase();

export const isResolved = (f: HistoryFinding) => f.status === "resolved";

/**
 * The history as it stood at the `upTo`-th visit (1 = oldest shown): visits from the first
 * to that one, and each point's findings within them. Points are ordered by muscle, then
 * right before left, so both sides of a muscle sit together.
 */
export function historyUpTo(history: ChartHistory, upTo: number): { visits: HistoryVisit[]; points: HistoryPoint[] } {
  const visits = history.visits.slice(0, Math.max(1, upTo));
  const ids = new Set(visits.map((v) => v.id));
  const points = history.points
    .map((p) => ({ ...p, findings: p.findings.filter((f) => ids.has(f.visitId)) }))
    .filter((p) => p.findings.length > 0)
    .sort(
      (a, b) =>
        a.muscleName.localeCompare(b.muscleName) ||
        SIDE_ORDER[a.side] - SIDE_ORDER[b.side] ||
        a.label.localeCompare(b.label),
    );
  return { visits, points };
}

const near = (a: { x: number; y: number; view: string }, b: { x: number; y: number; view: string }) =>
  a.view === b.view && Math.hypot(a.x - b.x, a.y - b.y) < SAME_SPOT;

/**
 * What the body chart shows for a range of visits:
 * - each point's latest finding as an active or latent mark, unless it was resolved: a resolved
 *   point is history, so it is a ghost where it was last found;
 * - earlier positions of a point, when it was charted somewhere else before, as ghosts;
 * - every unresolved finding as one spot of the density layer, so a point found at three
 *   visits glows three times as strongly as one found once.
 */
export function chartLayers(
  points: readonly HistoryPoint[],
  formatDate: (iso: string) => string,
  selectedId: string | null,
) {
  const marks: ChartMark[] = [];
  const heat: HeatSpot[] = [];
  for (const p of points) {
    const latest = p.findings.at(-1)!;
    const label = p.label || "TrP";
    const name = pointName(p);
    const shown: HistoryFinding[] = [latest];
    for (const f of p.findings.slice(0, -1).reverse()) {
      if (shown.some((s) => near(s, f))) continue;
      shown.push(f);
      marks.push({
        // Unlabelled: the point's current mark nearby already carries the label.
        id: `${p.triggerPointId}:${f.visitId}`,
        view: f.view,
        x: f.x,
        y: f.y,
        kind: "ghost",
        label: "",
        description: `${name}, position on ${formatDate(f.startedAt)}`,
        selected: p.triggerPointId === selectedId,
      });
    }
    marks.push({
      id: p.triggerPointId,
      view: latest.view,
      x: latest.x,
      y: latest.y,
      kind: isResolved(latest) ? "ghost" : latest.type,
      label,
      description: isResolved(latest) ? `${name}, resolved on ${formatDate(latest.startedAt)}` : name,
      selected: p.triggerPointId === selectedId,
    });
    for (const f of p.findings) if (!isResolved(f)) heat.push({ view: f.view, x: f.x, y: f.y, weight: 1 });
  }
  return { marks, heat };
}

/** The trigger point a chart mark belongs to (ghost ids carry the visit after a colon). */
export const pointIdOfMark = (markId: string) => markId.split(":")[0]!;

export interface SideReading {
  point: HistoryPoint;
  finding: HistoryFinding;
}

export interface AsymmetryRow {
  key: string;
  muscleName: string;
  label: string;
  left: SideReading;
  right: SideReading;
}

/**
 * Muscles charted on both sides, paired point for point (same label, or the only point on each
 * side), each with its latest finding in the range. Healthy sides give nearly identical PPT
 * (domain reference §3), so a gap between them is worth showing.
 */
export function asymmetryRows(points: readonly HistoryPoint[]): AsymmetryRow[] {
  const byMuscle = new Map<string, HistoryPoint[]>();
  for (const p of points) {
    const key = p.muscleId ?? p.muscleName;
    byMuscle.set(key, [...(byMuscle.get(key) ?? []), p]);
  }
  const rows: AsymmetryRow[] = [];
  for (const [muscle, list] of byMuscle) {
    const left = list.filter((p) => p.side === "left");
    const right = list.filter((p) => p.side === "right");
    const pairs: [HistoryPoint, HistoryPoint][] =
      left.length === 1 && right.length === 1
        ? [[left[0]!, right[0]!]]
        : left.flatMap((l) =>
            right.filter((r) => r.label === l.label).map((r) => [l, r] as [HistoryPoint, HistoryPoint]),
          );
    for (const [l, r] of pairs) {
      rows.push({
        key: `${muscle}:${l.triggerPointId}:${r.triggerPointId}`,
        muscleName: l.muscleName,
        label: l.label === r.label ? l.label : "",
        left: { point: l, finding: l.findings.at(-1)! },
        right: { point: r, finding: r.findings.at(-1)! },
      });
    }
  }
  return rows;
}

/**
 * Which side is more sensitive by PPT (the lower threshold), and by how much relative to the
 * other side; null when either side was not measured or they are equal.
 */
export function pptGap(
  left: number | null,
  right: number | null,
): { lowerSide: "left" | "right"; percent: number; kpa: number } | null {
  if (left === null || right === null || left === right) return null;
  const [low, high, lowerSide] = left < right ? [left, right, "left" as const] : [right, left, "right" as const];
  return { lowerSide, percent: Math.round(((high - low) / high) * 100), kpa: Math.round(high - low) };
}

/** Counts of what the chart shows at the end of the range (resolved points counted apart). */
export function stateCounts(points: readonly HistoryPoint[]) {
  const latest = points.map((p) => p.findings.at(-1)!);
  return {
    active: latest.filter((f) => !isResolved(f) && f.type === "active").length,
    latent: latest.filter((f) => !isResolved(f) && f.type === "latent").length,
    resolved: latest.filter(isResolved).length,
  };
}
