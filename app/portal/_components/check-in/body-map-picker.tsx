"use client";
import { useId, useRef, useState, type MouseEvent } from "react";
import { BodyOutline, CHART_COLORS, VIEW_BOX_ATTR } from "@/app/_components/body-chart";
import { RegionLayers } from "@/app/_components/body-chart/region-layers";
import { toDrawing } from "@/app/_components/body-chart/outline-geometry";
import { clientToChartPoint } from "@/app/_components/body-chart/use-mark-drag";
import { figureDistance } from "@/lib/clinical/rules/nearest-trigger-points";
import { regionShape } from "@/lib/clinical/rules/regions";
import type { ChartView } from "@/lib/clinical/rules/types";
import { nearestRegion, type Region } from "./body-areas";

export interface Chosen {
  regionId: string;
  score: number | null;
}

// A tap farther than this from every region centre (figure heights) is beside the body: ignored.
const MAX_TAP_DISTANCE = 0.07;
const HIGHLIGHT = "#0f5c63";

/**
 * The body chart's own outline and client-pain shading, with the whole figure as the tap
 * target: a tap picks the nearest region of the scheme, so there is one large target instead
 * of ~70 tiny ones per side. One view at a time (a phone has no room for two at a tappable
 * size). The place just picked gets a dashed outline. Keyboard and screen-reader users choose
 * from the list instead; this picture is marked as an image.
 */
export function BodyMapPicker({
  chosen,
  current = null,
  onPick,
}: {
  chosen: Chosen[];
  current?: string | null;
  onPick?: (region: Region) => void;
}) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const svgRef = useRef<SVGSVGElement>(null);
  // Open on the side with more of the chosen places (most pain drawings are on the back).
  const [view, setView] = useState<ChartView>(() => {
    const back = chosen.filter((c) => regionShape(c.regionId)?.view === "back").length;
    return back > chosen.length - back ? "back" : "front";
  });
  const picked = current ? regionShape(current) : undefined;
  // A place picked from the list may be on the other side: turn the figure to show it
  // (adjusting state while rendering, as React recommends instead of an effect).
  const [followed, setFollowed] = useState(current);
  if (current !== followed) {
    setFollowed(current);
    if (picked) setView(picked.view);
  }

  function tap(e: MouseEvent<SVGSVGElement>) {
    const point = svgRef.current && clientToChartPoint(svgRef.current, view, e.clientX, e.clientY);
    const region = point ? nearestRegion(point) : undefined;
    if (onPick && point && region && figureDistance(point, region) <= MAX_TAP_DISTANCE) onPick(region);
  }

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Side of the body" className="flex justify-center gap-2">
        {(["front", "back"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={v === view}
            onClick={() => setView(v)}
            className={`min-h-12 min-w-28 rounded-md border-2 px-4 text-base font-medium ${v === view ? "border-accent-700 bg-accent-700 text-white" : "border-stone-300 bg-white text-ink hover:border-accent-600"}`}
          >
            {v === "front" ? "Front" : "Back"}
          </button>
        ))}
      </div>
      <svg
        ref={svgRef}
        viewBox={VIEW_BOX_ATTR}
        role="img"
        aria-labelledby={`${uid}-t`}
        onClick={tap}
        className={`mx-auto block h-[min(56vh,520px)] w-auto touch-manipulation select-none ${onPick ? "cursor-pointer" : ""}`}
      >
        <title
          id={`${uid}-t`}
        >{`Body figure, ${view} view. The places you chose are listed ${onPick ? "below" : "above"} the figure.`}</title>
        <BodyOutline view={view} />
        <RegionLayers
          view={view}
          idPrefix={uid}
          referralOverlay={[]}
          shading={chosen.map((c) => ({ regionId: c.regionId, kind: "client" as const, score: c.score ?? undefined }))}
        />
        {picked && picked.view === view ? (
          <ellipse
            cx={toDrawing(picked.x, 0).x}
            cy={toDrawing(0, picked.y).y}
            rx={Math.max(toDrawing(picked.rx, 0).x, 14)}
            ry={Math.max(toDrawing(0, picked.ry).y, 14)}
            fill="none"
            stroke={HIGHLIGHT}
            strokeWidth={3}
            strokeDasharray="6 4"
            pointerEvents="none"
          />
        ) : null}
      </svg>
      <ul className="mx-auto w-fit space-y-1 text-sm text-muted" aria-label="What the figure shows">
        <li className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="inline-block h-3.5 w-6 shrink-0 rounded-sm"
            style={{ background: CHART_COLORS.client, opacity: 0.5 }}
          />
          Where it hurts (darker = more; the number is your score)
        </li>
        {onPick ? (
          <li className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-3.5 w-6 shrink-0 rounded-sm border-2 border-dashed"
              style={{ borderColor: HIGHLIGHT }}
            />
            The place you just picked
          </li>
        ) : null}
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="w-6 shrink-0 text-center text-xs font-bold">
            R L
          </span>
          Your right and left
        </li>
      </ul>
    </div>
  );
}
