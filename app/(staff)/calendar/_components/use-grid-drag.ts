"use client";
import { useCallback, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { PX_PER_MIN, SNAP_MIN, snap } from "./calendar-model";

export interface DragPreview {
  id: string;
  mode: "move" | "resize";
  columnKey: string;
  start: number;
  end: number;
}

interface Gesture {
  a: AppointmentView;
  mode: "move" | "resize";
  originKey: string;
  originStart: number;
  originEnd: number;
  grabOffset: number;
  x: number;
  y: number;
  moved: boolean;
}

/**
 * Drag to move (to another time or another column) and drag the bottom edge to resize, with
 * pointer events so mouse, pen and touch all work. Times snap to 15 minutes. A press that
 * does not move is left to the button's click (which opens the edit dialog).
 */
export function useGridDrag({
  bounds,
  onDrop,
}: {
  bounds: { start: number; end: number };
  onDrop: (a: AppointmentView, columnKey: string, start: number, end: number) => void;
}) {
  const columns = useRef(new Map<string, HTMLElement>());
  const gesture = useRef<Gesture | null>(null);
  const previewRef = useRef<DragPreview | null>(null);
  const [preview, setPreviewState] = useState<DragPreview | null>(null);
  const suppressClick = useRef(false);

  const setPreview = (p: DragPreview | null) => {
    previewRef.current = p;
    setPreviewState(p);
  };

  const registerColumn = useCallback(
    (key: string) => (el: HTMLElement | null) => {
      if (el) columns.current.set(key, el);
      else columns.current.delete(key);
    },
    [],
  );

  const minutesAt = (key: string, clientY: number) => {
    const rect = columns.current.get(key)!.getBoundingClientRect();
    return (clientY - rect.top) / PX_PER_MIN + bounds.start;
  };
  const columnAt = (clientX: number) => {
    for (const [key, el] of columns.current) {
      const r = el.getBoundingClientRect();
      if (clientX >= r.left && clientX < r.right) return key;
    }
    return null;
  };

  const begin = (
    e: ReactPointerEvent<HTMLElement>,
    a: AppointmentView,
    columnKey: string,
    start: number,
    end: number,
    mode: "move" | "resize",
  ) => {
    if (e.button !== 0) return;
    gesture.current = {
      a,
      mode,
      originKey: columnKey,
      originStart: start,
      originEnd: end,
      grabOffset: minutesAt(columnKey, e.clientY) - start,
      x: e.clientX,
      y: e.clientY,
      moved: false,
    };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const move = (e: ReactPointerEvent<HTMLElement>) => {
    const g = gesture.current;
    if (!g) return;
    if (!g.moved && Math.hypot(e.clientX - g.x, e.clientY - g.y) < 5) return;
    g.moved = true;
    if (g.mode === "move") {
      const key = columnAt(e.clientX) ?? g.originKey;
      const length = g.originEnd - g.originStart;
      const start = Math.min(
        Math.max(snap(minutesAt(key, e.clientY) - g.grabOffset), bounds.start),
        bounds.end - length,
      );
      setPreview({ id: g.a.id, mode: "move", columnKey: key, start, end: start + length });
    } else {
      const end = Math.min(Math.max(snap(minutesAt(g.originKey, e.clientY)), g.originStart + SNAP_MIN), bounds.end);
      setPreview({ id: g.a.id, mode: "resize", columnKey: g.originKey, start: g.originStart, end });
    }
  };

  const end = () => {
    const g = gesture.current;
    const p = previewRef.current;
    gesture.current = null;
    setPreview(null);
    if (!g?.moved) return;
    // The click that follows a drag must not also open the dialog.
    suppressClick.current = true;
    if (p && (p.columnKey !== g.originKey || p.start !== g.originStart || p.end !== g.originEnd))
      onDrop(g.a, p.columnKey, p.start, p.end);
  };

  const cancel = () => {
    gesture.current = null;
    setPreview(null);
  };

  /** True once, for the click event that ends a drag. */
  const consumeClick = () => {
    const was = suppressClick.current;
    suppressClick.current = false;
    return was;
  };

  return { preview, registerColumn, begin, move, end, cancel, consumeClick, minutesAt };
}
