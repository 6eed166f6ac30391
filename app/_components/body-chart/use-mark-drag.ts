"use client";

import {
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from "react";
import type { ChartPoint, ChartView } from "@/lib/clinical/rules/types";
import { CHART_TEMPLATE } from "@/lib/clinical/rules/template";

/** Screen distance a pointer must travel before a press on a mark counts as a drag, not a tap. */
const DRAG_THRESHOLD_PX = 4;

/**
 * Client (screen) coordinates to normalised template coordinates. Uses the SVG's own screen
 * transform, so it is right at any rendered size, zoom level or CSS transform.
 */
export function clientToChartPoint(
  svg: SVGSVGElement,
  view: ChartView,
  clientX: number,
  clientY: number,
): ChartPoint | null {
  const ctm = svg.getScreenCTM();
  if (!ctm) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
  const clamp = (n: number) => Math.min(1, Math.max(0, n));
  return { view, x: clamp(p.x / CHART_TEMPLATE.width), y: clamp(p.y / CHART_TEMPLATE.height) };
}

interface DragState {
  id: string;
  pointerId: number;
  startX: number;
  startY: number;
  moved: boolean;
  point: ChartPoint | null;
}

interface UseMarkDragOptions {
  svgRef: RefObject<SVGSVGElement | null>;
  view: ChartView;
  onMove?(id: string, point: ChartPoint): void;
  onSelect?(id: string): void;
}

/**
 * Pointer handling for marks: press and release in place = select; press and drag = move.
 * Pointer capture keeps the drag on the mark even when the finger runs ahead of it; the view
 * stops the page scrolling under a dragging finger (see BodyChartView). The new position
 * is reported once, on release, so autosave writes one change per drag rather than dozens.
 */
export function useMarkDrag({ svgRef, view, onMove, onSelect }: UseMarkDragOptions) {
  const [dragging, setDragging] = useState<{ id: string; point: ChartPoint } | null>(null);
  const state = useRef<DragState | null>(null);

  const handlers = (id: string, movable: boolean) => ({
    onPointerDown(e: ReactPointerEvent<SVGGElement>) {
      if (e.button !== 0) return;
      e.stopPropagation();
      e.currentTarget.focus({ preventScroll: true });
      e.currentTarget.setPointerCapture(e.pointerId);
      state.current = { id, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, moved: false, point: null };
    },
    onPointerMove(e: ReactPointerEvent<SVGGElement>) {
      const s = state.current;
      if (!s || s.pointerId !== e.pointerId || !movable || !svgRef.current) return;
      if (!s.moved && Math.hypot(e.clientX - s.startX, e.clientY - s.startY) < DRAG_THRESHOLD_PX) return;
      s.moved = true;
      s.point = clientToChartPoint(svgRef.current, view, e.clientX, e.clientY);
      if (s.point) setDragging({ id, point: s.point });
    },
    onPointerUp(e: ReactPointerEvent<SVGGElement>) {
      const s = state.current;
      if (!s || s.pointerId !== e.pointerId) return;
      state.current = null;
      setDragging(null);
      if (s.moved && s.point) onMove?.(id, s.point);
      else onSelect?.(id);
    },
    onPointerCancel() {
      // The browser took the gesture (e.g. a system swipe): put the mark back, report nothing.
      state.current = null;
      setDragging(null);
    },
    // Clicks on a mark must not reach the figure underneath (which would place a new mark).
    onClick(e: ReactMouseEvent) {
      e.stopPropagation();
    },
  });

  return { dragging, handlers };
}
