"use client";
import { useEffect, useRef } from "react";
import { AnswerChoices } from "@/app/_components/questionnaire/answer-choices";
import { Button } from "@/app/_components/ui/button";
import { regionById } from "./body-areas";

// The weekly map uses the clinic's 0–10 pain scale with its usual anchors.
const PAIN_SCALE = {
  kind: "scale" as const,
  min: 0,
  max: 10,
  step: 1,
  anchors: [
    { value: 0, label: "no pain" },
    { value: 10, label: "worst imaginable" },
  ],
};

/**
 * The score for the place just picked, pinned to the bottom of the screen so a thumb reaches it
 * without scrolling away from the figure: tap a place, tap a number, and the sheet closes.
 * Arrow keys move through a radio group one value at a time, so for the keyboard it stays open
 * until Done. Focus moves here when it opens, for keyboard and screen-reader users.
 */
export function ScoreSheet({
  regionId,
  score,
  onScore,
  onDone,
  onCancel,
}: {
  regionId: string;
  score: number | null;
  onScore: (n: number) => void;
  onDone: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const byPointer = useRef(false);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [regionId]);
  const name = regionById(regionId)?.name ?? regionId;
  return (
    <div role="group" aria-labelledby="sheet-name" className="space-y-2">
      <div className="flex items-start justify-between gap-2">
        <h2 ref={ref} id="sheet-name" tabIndex={-1} className="pt-2 text-lg leading-snug font-semibold text-ink">
          {name}
        </h2>
        <span className="flex gap-1">
          {score !== null ? (
            <Button type="button" onClick={onDone}>
              Done
            </Button>
          ) : null}
          <Button type="button" variant="ghost" onClick={onCancel}>
            {score === null ? "Not this place" : "Remove"}
          </Button>
        </span>
      </div>
      <p id="sheet-hint" className="text-sm text-muted">
        How much does it hurt? 0 = no pain, 10 = worst imaginable
      </p>
      <div
        onPointerDown={() => {
          byPointer.current = true;
        }}
        onKeyDownCapture={() => {
          byPointer.current = false;
        }}
      >
        <AnswerChoices
          name="sheet-score"
          answer={PAIN_SCALE}
          value={score}
          labelledBy="sheet-name"
          describedBy="sheet-hint"
          onChange={(n) => {
            onScore(n);
            if (byPointer.current) onDone();
            byPointer.current = false;
          }}
        />
      </div>
    </div>
  );
}
