"use client";
import { useEffect, useRef } from "react";
import type { CheckInDto } from "@/app/_lib/queries/questionnaires";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { regionById } from "./body-areas";
import { BodyMapPicker } from "./body-map-picker";

/** This week's saved map, read back in words and on the figure, with a way to change it. */
export function CheckInDone({
  checkIn,
  weekLabel,
  justSaved,
  onChange,
}: {
  checkIn: CheckInDto;
  weekLabel: string;
  justSaved: boolean;
  onChange: () => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  // After saving, the form is gone: put focus on the confirmation so it is announced.
  useEffect(() => {
    if (justSaved) ref.current?.focus();
  }, [justSaved]);
  const sorted = [...checkIn.regions].sort((a, b) => b.score - a.score);
  return (
    <div className="space-y-5">
      <div className="rounded-lg border border-green-200 bg-green-50 px-4 py-3">
        <h2 ref={ref} tabIndex={-1} className="text-lg font-semibold text-ok">
          ✓ {justSaved ? "Saved — thank you" : "Done for this week"}
        </h2>
        <p className="text-base text-ink">
          {weekLabel}. Your therapist will see this before your next visit. You can change it until the week ends.
        </p>
      </div>
      {sorted.length === 0 ? (
        <p className="text-base text-ink">You said nothing hurt this week.</p>
      ) : (
        <>
          <ul
            className="divide-y divide-line rounded-lg border border-line bg-white"
            aria-label="Where it hurts this week"
          >
            {sorted.map((r) => (
              <li key={r.regionId} className="flex min-h-12 items-center justify-between gap-3 px-4 py-2 text-base">
                <span>{regionById(r.regionId)?.name ?? r.regionId}</span>
                <span className="tabular font-semibold whitespace-nowrap">{r.score} out of 10</span>
              </li>
            ))}
          </ul>
          <BodyMapPicker chosen={checkIn.regions} />
        </>
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="button" variant="secondary" className="min-h-12 text-base" onClick={onChange}>
          Change this week&apos;s check-in
        </Button>
        <ButtonLink href="/portal" className="min-h-12 text-base">
          Back to your portal
        </ButtonLink>
      </div>
    </div>
  );
}
