"use client";

import type { ChartView } from "@/lib/clinical/rules/types";
import { CHART_COLORS } from "./chart-colors";
import { DETAIL_PATHS, SILHOUETTE_PATH, VIEW_BOX, toDrawing } from "./outline-geometry";

export interface BodyOutlineProps {
  view: ChartView;
  /** Id of the silhouette path, so callers can reuse it (e.g. as a clip path). */
  silhouetteId?: string;
  /** Show the view name and the client's L/R beside the figure (default true). */
  showLabels?: boolean;
}

const VIEW_NAMES: Record<ChartView, string> = { front: "Front", back: "Back" };

/**
 * The adult template figure for one view, as an SVG group. Place it inside an <svg> whose
 * viewBox is VIEW_BOX_ATTR (BodyChart does this). Decorative: the surrounding chart carries the
 * text alternative.
 *
 * "R" and "L" are the client's sides: on the front view the client's right is on the image's
 * left, on the back view on the image's right (Michigan Body Map validation: printing both letters
 * beside each figure cuts left/right errors).
 */
export function BodyOutline({ view, silhouetteId, showLabels = true }: BodyOutlineProps) {
  const imageLeft = view === "front" ? "R" : "L";
  const imageRight = view === "front" ? "L" : "R";
  const labelY = toDrawing(0, 0.215).y;
  const leftX = VIEW_BOX.x + 18;
  const rightX = VIEW_BOX.x + VIEW_BOX.width - 18;
  return (
    <g aria-hidden="true">
      <path
        id={silhouetteId}
        d={SILHOUETTE_PATH}
        fill={CHART_COLORS.outlineFill}
        stroke={CHART_COLORS.outline}
        strokeWidth={1.6}
        strokeLinejoin="round"
      />
      <g fill="none" stroke={CHART_COLORS.detail} strokeWidth={1.2} strokeLinecap="round" pointerEvents="none">
        {DETAIL_PATHS[view].map(({ d, dashed }, i) => (
          <path key={i} d={d} strokeDasharray={dashed ? "3 5" : undefined} />
        ))}
      </g>
      {showLabels ? (
        <g
          fill={CHART_COLORS.label}
          fontFamily="ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
          pointerEvents="none"
        >
          <text x={VIEW_BOX.x + 8} y={34} fontSize={20} fontWeight={600} letterSpacing={1}>
            {VIEW_NAMES[view].toUpperCase()}
          </text>
          <text x={leftX} y={labelY} fontSize={26} fontWeight={700} textAnchor="middle">
            {imageLeft}
          </text>
          <text x={rightX} y={labelY} fontSize={26} fontWeight={700} textAnchor="middle">
            {imageRight}
          </text>
        </g>
      ) : null}
    </g>
  );
}
