"use client";

import type { ChartView } from "@/lib/clinical/rules/types";
import { CHART_COLORS } from "./chart-colors";
import { SILHOUETTE_PATH, toDrawing } from "./outline-geometry";
import type { HeatSpot } from "./types";

/** Radius of one finding's glow, in drawing units: about a palm's width on the figure. */
const SPOT_RADIUS = 30;
/** Peak opacity of one full-weight spot; three overlapping findings reach ~0.75. */
const SPOT_OPACITY = 0.38;

/**
 * The density layer: each finding a soft violet glow, fading to nothing at its edge. Spots are
 * translucent, so where findings pile up across visits the colour deepens (a heat map without
 * binning). Clipped to the body, below labels and marks; decorative, because the page that
 * passes it also lists every finding as text.
 */
export function HeatLayer({
  view,
  idPrefix,
  spots,
}: {
  view: ChartView;
  idPrefix: string;
  spots: readonly HeatSpot[];
}) {
  const own = spots.filter((s) => s.view === view && s.weight > 0);
  if (own.length === 0) return null;
  const id = (name: string) => `${idPrefix}-heat-${name}`;
  return (
    <g pointerEvents="none" aria-hidden="true">
      <defs>
        <clipPath id={id("body")}>
          <path d={SILHOUETTE_PATH} />
        </clipPath>
        <radialGradient id={id("glow")}>
          <stop offset="0" stopColor={CHART_COLORS.heat} stopOpacity={1} />
          <stop offset="0.45" stopColor={CHART_COLORS.heat} stopOpacity={0.7} />
          <stop offset="1" stopColor={CHART_COLORS.heat} stopOpacity={0} />
        </radialGradient>
      </defs>
      <g clipPath={`url(#${id("body")})`}>
        {own.map((s, i) => {
          const c = toDrawing(s.x, s.y);
          return (
            <circle
              key={i}
              cx={c.x}
              cy={c.y}
              r={SPOT_RADIUS}
              fill={`url(#${id("glow")})`}
              opacity={SPOT_OPACITY * Math.min(1, s.weight)}
            />
          );
        })}
      </g>
    </g>
  );
}
