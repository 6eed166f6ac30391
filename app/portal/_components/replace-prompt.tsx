"use client";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/app/_components/ui/button";

/**
 * Asks before today's earlier score is overwritten (one entry per complaint per day).
 * Inline rather than a modal: on a phone it appears where the thumb already is. Focus moves
 * to it so a screen reader reads the question before the buttons.
 */
export function ReplacePrompt({
  existing,
  proposed,
  busy,
  onReplace,
  onKeep,
}: {
  existing: number;
  proposed: number;
  busy: boolean;
  onReplace: () => void;
  onKeep: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={id}
      className="rounded-lg border border-accent-100 bg-accent-50 p-4"
    >
      <p id={id} className="text-base text-ink">
        You already scored this <strong className="tabular">{existing}/10</strong> today. Replace it with{" "}
        <strong className="tabular">{proposed}</strong>?
      </p>
      <div className="mt-3 grid grid-cols-2 gap-2">
        <Button type="button" busy={busy} onClick={onReplace} className="min-h-12 text-base">
          Replace
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={onKeep} className="min-h-12 text-base">
          Keep
        </Button>
      </div>
    </div>
  );
}
