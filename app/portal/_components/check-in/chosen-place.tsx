"use client";
import type { Ref } from "react";
import { AnswerChoices } from "@/app/_components/questionnaire/answer-choices";
import { Button } from "@/app/_components/ui/button";
import { regionById } from "./body-areas";

// The weekly map uses the clinic's 0–10 pain scale with its usual anchors.
const PAIN_SCALE = { kind: "scale" as const, min: 0, max: 10, step: 1, anchors: [{ value: 0, label: "no pain" }, { value: 10, label: "worst imaginable" }] };

/** One chosen place: its name, a 0–10 score as large tiles, and Remove. */
export function ChosenPlace({ regionId, score, error, onScore, onRemove, ref }: {
  regionId: string;
  score: number | null;
  error?: string;
  onScore: (n: number) => void;
  onRemove: () => void;
  ref?: Ref<HTMLHeadingElement>;
}) {
  const name = regionById(regionId)?.name ?? regionId;
  const id = `place-${regionId}`;
  return (
    <li className="space-y-3 rounded-lg border border-line bg-white p-4" aria-labelledby={`${id}-name`}>
      <div className="flex items-start justify-between gap-2">
        <h3 ref={ref} id={`${id}-name`} tabIndex={-1} className="pt-2 text-lg font-semibold text-ink">{name}</h3>
        <Button type="button" variant="ghost" onClick={onRemove} aria-label={`Remove ${name}`}>Remove</Button>
      </div>
      <p id={`${id}-hint`} className="text-sm text-muted">How much does it hurt? 0 = no pain, 10 = worst imaginable</p>
      <AnswerChoices name={id} answer={PAIN_SCALE} value={score} onChange={onScore} labelledBy={`${id}-name`}
        describedBy={`${id}-hint${error ? ` ${id}-error` : ""}`} invalid={!!error} />
      {error ? <p id={`${id}-error`} role="alert" className="text-sm font-medium text-danger">{error}</p> : null}
    </li>
  );
}
