"use client";
import { useEffect, useRef, useState } from "react";

export interface UndoMessage {
  /** Changes for every new message, so the same words twice still restart the timer. */
  id: number;
  text: string;
  /** Omitted once the change has been undone (or cannot be). */
  onUndo?: () => void;
  /** A second choice about the change, e.g. "Don't email Casey". */
  action?: { label: string; run: () => void };
}

/**
 * A polite live region that is always in the page (so screen readers announce what appears in it),
 * showing what just changed with an Undo button for a few seconds. The countdown pauses while the
 * pointer or keyboard focus is inside (WCAG 2.2.1), so reaching Undo with Tab never races the timer.
 */
export function UndoToast({
  message,
  onExpire,
  seconds = 8,
  testId,
}: {
  message: UndoMessage | null;
  onExpire: () => void;
  seconds?: number;
  testId?: string;
}) {
  const [paused, setPaused] = useState(false);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });
  useEffect(() => {
    if (!message || paused) return;
    const timer = window.setTimeout(() => expire.current(), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [message, paused, seconds]);

  return (
    <div
      aria-live="polite"
      data-testid={testId}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPaused(false);
      }}
      // Never display:none: a live region must already be in the page for its news to be read out.
    >
      {message ? (
        // Floats over the page instead of sitting in the flow: when it appeared or expired in the
        // flow, everything below jumped, and a drag in progress on the calendar landed 45 minutes off.
        <div className="fixed bottom-4 left-1/2 z-40 flex w-max max-w-[calc(100vw-2rem)] -translate-x-1/2 flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-ok shadow-lg">
          <span>{message.text}</span>
          {message.onUndo ? (
            <button
              type="button"
              className="min-h-11 px-1 font-semibold underline underline-offset-2"
              onClick={message.onUndo}
            >
              Undo
            </button>
          ) : null}
          {message.action ? (
            <button
              type="button"
              className="min-h-11 px-1 font-semibold underline underline-offset-2"
              onClick={message.action.run}
            >
              {message.action.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
