"use client";

import { useId } from "react";
import type { HistoryVisit } from "./history-model";

/**
 * Chooses how far through the client's recent visits the page looks: 1 = the oldest shown,
 * the last = today's picture. A native range input, so arrow keys, Home/End and screen readers
 * work as everywhere else; the spoken value names the visit and its date, not a bare number.
 */
export function VisitSlider({
  visits,
  upTo,
  onChange,
  formatDate,
}: {
  visits: readonly HistoryVisit[];
  upTo: number;
  onChange(upTo: number): void;
  formatDate(iso: string): string;
}) {
  const id = useId();
  const current = visits[upTo - 1];
  if (visits.length < 2 || !current) {
    return current ? (
      <p className="text-sm text-muted">
        One visit so far, on <span className="tabular font-medium text-ink">{formatDate(current.startedAt)}</span>.
      </p>
    ) : null;
  }
  const spoken = `Visit ${upTo} of ${visits.length}, ${formatDate(current.startedAt)}`;
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          Show visits up to
        </label>
        {/* Not a live region: the slider's own value text is announced already. */}
        <span className="tabular text-sm">
          <span className="font-semibold text-ink">{formatDate(current.startedAt)}</span>
          <span className="text-muted">
            {" "}
            · visit {upTo} of {visits.length}
            {current.signed ? "" : " (draft)"}
          </span>
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={1}
        max={visits.length}
        step={1}
        value={upTo}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={spoken}
        className="mt-1 block h-11 w-full cursor-pointer accent-accent-700"
      />
      <div aria-hidden="true" className="tabular mt-1.5 flex justify-between text-xs text-muted">
        <span>{formatDate(visits[0]!.startedAt)}</span>
        <span>{formatDate(visits.at(-1)!.startedAt)}</span>
      </div>
    </div>
  );
}
