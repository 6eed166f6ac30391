import { CHART_COLORS } from "./chart-colors";
import type { ChartMarkKind } from "./types";

/**
 * Trigger point glyphs, centred on (0, 0) in drawing units. Atlases draw trigger points as an X;
 * the three kinds differ in shape as well as colour (WCAG: never colour alone): a solid bold ✕
 * (active), an outlined bold ✕ (latent) and a thin line ✕ (ghost).
 */
const ARM = 9;
const HALF_THICKNESS = 2.8;

/** A bold ✕ as one polygon (a plus sign turned 45°), so it can be filled or outlined. */
const CROSS_POINTS = (() => {
  const a = ARM;
  const t = HALF_THICKNESS;
  const plus = [
    [t, -a],
    [t, -t],
    [a, -t],
    [a, t],
    [t, t],
    [t, a],
    [-t, a],
    [-t, t],
    [-a, t],
    [-a, -t],
    [-t, -t],
    [-t, -a],
  ];
  const c = Math.SQRT1_2;
  return plus.map(([x, y]) => `${((x! - y!) * c).toFixed(2)},${((x! + y!) * c).toFixed(2)}`).join(" ");
})();

export function MarkGlyph({ kind }: { kind: ChartMarkKind }) {
  if (kind === "active") {
    // White edge keeps the cross readable on top of red hatching or blue shading.
    return (
      <polygon
        points={CROSS_POINTS}
        fill={CHART_COLORS.active}
        stroke="#fff"
        strokeWidth={1.2}
        strokeLinejoin="round"
      />
    );
  }
  if (kind === "latent") {
    return (
      <polygon points={CROSS_POINTS} fill="#fff" stroke={CHART_COLORS.latent} strokeWidth={2} strokeLinejoin="round" />
    );
  }
  const d = ARM * Math.SQRT1_2 + 1;
  return (
    <g stroke={CHART_COLORS.ghost} strokeWidth={2.5} strokeLinecap="round" opacity={CHART_COLORS.ghostOpacity}>
      <line x1={-d} y1={-d} x2={d} y2={d} />
      <line x1={-d} y1={d} x2={d} y2={-d} />
    </g>
  );
}

/** Glyph colour for the mark's text label. */
export function markTextColor(kind: ChartMarkKind): string {
  return kind === "active" ? CHART_COLORS.active : kind === "latent" ? CHART_COLORS.latent : CHART_COLORS.ghost;
}
