"use client";
import { useEffect, useRef } from "react";

/**
 * Where attention goes after a finding is chosen. Placing a point, "Add finding" or picking one from
 * the list brings the editor into view and moves focus to its heading (it used to open below the
 * fold with focus left behind); selecting a mark on the chart only brings it into view, so the mark
 * keeps focus and the arrow keys still nudge it.
 */
export function useEditorFocus(selectedId: string | undefined, setSelectedId: (id: string | null) => void) {
  const editorHeading = useRef<HTMLHeadingElement>(null);
  const pending = useRef<"focus" | "show" | null>(null);
  useEffect(() => {
    const heading = editorHeading.current;
    const how = pending.current;
    if (!heading || !how) return;
    pending.current = null;
    const box = heading.getBoundingClientRect();
    // Scroll only when the heading is off screen or so low that the form would start below the fold.
    if (box.top < 0 || box.bottom > window.innerHeight * 0.6) {
      const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      heading.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
    }
    if (how === "focus") heading.focus({ preventScroll: true });
  }, [selectedId]);
  const select = (id: string | null, how: "focus" | "show") => {
    pending.current = id ? how : null;
    setSelectedId(id);
  };
  return { editorHeading, select };
}
