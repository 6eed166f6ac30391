"use client";
import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import { ApiError } from "@/app/_lib/api";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";

/*
 * The pieces the portal's step-by-step flows share (booking, moving an appointment): focus that
 * follows the step, the step's heading, "← Back", and the confirm step's error and buttons.
 */

/** A ref for the step's heading, focused on every step after the first so screen readers hear where they are. */
export function useStepFocus(step: unknown): RefObject<HTMLHeadingElement | null> {
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) heading.current?.focus();
    mounted.current = true;
  }, [step]);
  return heading;
}

export function StepTitle({
  id,
  headingRef,
  children,
}: {
  id: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}) {
  return (
    <h2 id={id} ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-ink outline-none">
      {children}
    </h2>
  );
}

export function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button
      type="button"
      className="inline-flex min-h-11 items-center text-base text-accent-700 underline underline-offset-2"
      onClick={onBack}
    >
      ← Back
    </button>
  );
}

/**
 * The confirm step's end: the server's refusal in its own words, then either the action or — when
 * the time was taken meanwhile (409) — "Choose another time".
 */
export function ConfirmActions({
  error,
  errorTestId,
  fallbackMessage,
  label,
  busy,
  onConfirm,
  onChooseAgain,
}: {
  error: Error | null;
  errorTestId: string;
  fallbackMessage: string;
  label: string;
  busy: boolean;
  onConfirm: () => void;
  onChooseAgain: () => void;
}) {
  const refused = error instanceof ApiError && error.status === 409;
  return (
    <>
      {error ? (
        <Notice tone="danger" testId={errorTestId}>
          {error instanceof ApiError ? error.message : fallbackMessage}
        </Notice>
      ) : null}
      {refused ? (
        <Button type="button" variant="secondary" className="min-h-12 w-full text-base" onClick={onChooseAgain}>
          Choose another time
        </Button>
      ) : (
        <Button type="button" className="min-h-12 w-full text-base" busy={busy} onClick={onConfirm}>
          {label}
        </Button>
      )}
    </>
  );
}
