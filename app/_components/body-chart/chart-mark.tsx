"use client";

import type { KeyboardEvent, PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent } from "react";
import { CHART_COLORS } from "./chart-colors";
import { markAccessibleName } from "./chart-text";
import { MarkGlyph, markTextColor } from "./mark-glyphs";
import { toDrawing } from "./outline-geometry";
import type { ChartMark } from "./types";

/** Arrow-key nudge in normalised units: about 0.5 % of the figure, Shift for 2.5 %. */
const NUDGE = 0.005;
const NUDGE_LARGE = 0.025;

export interface ChartMarkProps {
  mark: ChartMark;
  /** Focusable and announced as a button (false in a purely read-only picture). */
  interactive: boolean;
  movable: boolean;
  onNudge?(dx: number, dy: number): void;
  onActivate?(): void;
  onDelete?(): void;
  pointerHandlers?: {
    onPointerDown(e: ReactPointerEvent<SVGGElement>): void;
    onPointerMove(e: ReactPointerEvent<SVGGElement>): void;
    onPointerUp(e: ReactPointerEvent<SVGGElement>): void;
    onPointerCancel(): void;
    onClick(e: ReactMouseEvent): void;
  };
  dragging?: boolean;
}

/**
 * One trigger point mark: glyph, visible label, selection ring, and an invisible hit area that
 * grows to ≥ 44 CSS px on touch screens (the `kw-hit-coarse` circle, shown by the chart's
 * stylesheet under `pointer: coarse`). Keyboard: arrows nudge (Shift = bigger step), Enter/Space
 * select, Delete/Backspace delete.
 */
export function ChartMarkView({
  mark,
  interactive,
  movable,
  onNudge,
  onActivate,
  onDelete,
  pointerHandlers,
  dragging,
}: ChartMarkProps) {
  const { x, y } = toDrawing(mark.x, mark.y);

  function onKeyDown(e: KeyboardEvent<SVGGElement>) {
    const step = e.shiftKey ? NUDGE_LARGE : NUDGE;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = arrows[e.key];
    if (delta && movable && onNudge) {
      e.preventDefault();
      onNudge(delta[0], delta[1]);
    } else if ((e.key === "Enter" || e.key === " ") && onActivate) {
      e.preventDefault();
      onActivate();
    } else if ((e.key === "Delete" || e.key === "Backspace") && onDelete) {
      e.preventDefault();
      onDelete();
    }
  }

  const a11y = interactive
    ? {
        role: "button",
        tabIndex: 0,
        "aria-label": markAccessibleName(mark),
        "aria-pressed": mark.selected ? true : false,
        onKeyDown,
        ...pointerHandlers,
      }
    : { "aria-hidden": true };

  return (
    <g
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
      className="kw-mark"
      data-kind={mark.kind}
      data-movable={movable || undefined}
      style={
        interactive
          ? { cursor: movable ? (dragging ? "grabbing" : "grab") : "pointer", touchAction: "none", outline: "none" }
          : undefined
      }
      {...a11y}
    >
      {interactive ? (
        <>
          <circle r={14} fill="transparent" />
          <circle r={26} fill="transparent" className="kw-hit-coarse" />
          {/* Focus ring: shown by the chart stylesheet on :focus-visible only. */}
          <circle
            r={19}
            fill="none"
            stroke={CHART_COLORS.accent}
            strokeWidth={2.5}
            strokeDasharray="4 3"
            className="kw-focus-ring"
          />
        </>
      ) : null}
      {mark.selected ? <circle r={14} fill="none" stroke={CHART_COLORS.accent} strokeWidth={2.5} /> : null}
      <MarkGlyph kind={mark.kind} />
    </g>
  );
}

/**
 * A mark's visible label, drawn by BodyChartView in its own layer beneath all glyphs, so a
 * label can never hide a neighbouring finding; it follows the mark while it is dragged.
 */
export function ChartMarkLabel({ mark }: { mark: ChartMark }) {
  const { x, y } = toDrawing(mark.x, mark.y);
  return (
    <text
      x={x + (mark.selected ? 17 : 12)}
      y={y - 8}
      fontSize={12}
      fontWeight={mark.kind === "ghost" ? 400 : 600}
      fill={markTextColor(mark.kind)}
      stroke="#fff"
      strokeWidth={3}
      paintOrder="stroke"
      pointerEvents="none"
      aria-hidden="true"
    >
      {mark.label}
    </text>
  );
}
