"use client";

import { useEffect, useId, useRef, type MouseEvent } from "react";
import type { ChartView } from "@/lib/clinical/rules/types";
import { BodyOutline } from "./body-outline";
import { ChartMarkLabel, ChartMarkView } from "./chart-mark";
import { CHART_CSS } from "./chart-styles";
import { VIEW_TITLES } from "./chart-text";
import { HeatLayer } from "./heat-layer";
import { VIEW_BOX_ATTR } from "./outline-geometry";
import { RegionLayers } from "./region-layers";
import type { BodyChartHandlers, ChartMark, HeatSpot, RegionShade } from "./types";
import { clientToChartPoint, useMarkDrag } from "./use-mark-drag";

export interface BodyChartViewProps extends BodyChartHandlers {
  view: ChartView;
  marks: readonly ChartMark[];
  regionShading?: readonly RegionShade[];
  referralOverlay?: readonly string[];
  /** Optional density layer (e.g. findings across visits), drawn under the marks. */
  heat?: readonly HeatSpot[];
  /** Id of the visually hidden summary that describes this view. */
  describedBy?: string;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/**
 * One view (front or back) of the body chart as a scalable SVG. Marks of other views are ignored,
 * so callers can pass the whole list. Ghost marks (last visit) can be selected but never moved or
 * deleted: they are history.
 */
export function BodyChartView({
  view,
  marks,
  regionShading = [],
  referralOverlay = [],
  heat = [],
  describedBy,
  onPlace,
  onMove,
  onSelect,
  onDelete,
  readOnly = false,
}: BodyChartViewProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const titleId = `${uid}-title`;
  const canMove = !readOnly && !!onMove;
  const { dragging, handlers } = useMarkDrag({ svgRef, view, onMove: canMove ? onMove : undefined, onSelect });
  // While a mark is dragged it is drawn at the pointer; the parent hears about it on release.
  const inView = marks
    .filter((m) => m.view === view)
    .map((m) => (dragging?.id === m.id ? { ...m, ...dragging.point } : m));
  const ordered = [...inView].sort((a, b) => Number(!!a.selected) - Number(!!b.selected));
  const anyInteractive = inView.some((m) => isInteractive(m));

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // Chrome ignores `touch-action` on elements inside an SVG, so a finger dragging a mark would
    // scroll the page and cancel the drag. Cancelling touchstart on movable marks only (a native,
    // non-passive listener: React's touch listeners are passive) keeps the rest of the figure
    // scrollable on phones.
    const stopScroll = (e: TouchEvent) => {
      if (e.target instanceof Element && e.target.closest(".kw-mark[data-movable]")) e.preventDefault();
    };
    svg.addEventListener("touchstart", stopScroll, { passive: false });
    return () => svg.removeEventListener("touchstart", stopScroll);
  }, []);

  function isInteractive(m: ChartMark) {
    return !!onSelect || (!readOnly && m.kind !== "ghost" && (!!onMove || !!onDelete));
  }

  function placeAt(e: MouseEvent<SVGGElement>) {
    if (readOnly || !onPlace || !svgRef.current) return;
    const point = clientToChartPoint(svgRef.current, view, e.clientX, e.clientY);
    if (point) onPlace(point);
  }

  return (
    <svg
      ref={svgRef}
      viewBox={VIEW_BOX_ATTR}
      // An image when it is only a picture; a group when it holds focusable marks, because
      // role="img" would hide those buttons from assistive technology.
      role={anyInteractive ? "group" : "img"}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      className="kw-chart block h-auto w-full select-none"
      style={{ WebkitUserSelect: "none", userSelect: "none" }}
    >
      <title id={titleId}>{`Body chart, ${VIEW_TITLES[view]}`}</title>
      <style>{CHART_CSS}</style>
      <g onClick={placeAt} style={{ cursor: !readOnly && onPlace ? "crosshair" : undefined }}>
        <BodyOutline view={view} />
      </g>
      <RegionLayers view={view} idPrefix={uid} shading={regionShading} referralOverlay={referralOverlay} />
      <HeatLayer view={view} idPrefix={uid} spots={heat} />
      {/* Labels under every glyph: a label may be partly covered, but never hides a finding. */}
      <g aria-hidden="true">
        {ordered.map((mark) => (
          <ChartMarkLabel key={mark.id} mark={mark} />
        ))}
      </g>
      {/* Selected marks last, so they sit on top of neighbours. */}
      {ordered.map((mark) => {
        const interactive = isInteractive(mark);
        const movable = canMove && mark.kind !== "ghost";
        return (
          <ChartMarkView
            key={mark.id}
            mark={mark}
            interactive={interactive}
            movable={movable}
            dragging={dragging?.id === mark.id}
            pointerHandlers={interactive ? handlers(mark.id, movable) : undefined}
            onActivate={onSelect ? () => onSelect(mark.id) : undefined}
            onDelete={!readOnly && onDelete && mark.kind !== "ghost" ? () => onDelete(mark.id) : undefined}
            onNudge={(dx, dy) => onMove?.(mark.id, { view, x: clamp01(mark.x + dx), y: clamp01(mark.y + dy) })}
          />
        );
      })}
    </svg>
  );
}
