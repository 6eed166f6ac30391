"use client";
import { useId } from "react";

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/**
 * One NPRS (0–10) answer as a row of large segments. Native radios underneath, so Tab enters the
 * group and the arrow keys move along it; "Not recorded" is its own choice because a missing
 * score (null) must never be read as 0, "no pain".
 */
export function NprsScale({
  name,
  legend,
  context,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  /** Prefixed to the legend for screen readers, e.g. the complaint's title. */
  context: string;
  value: number | null;
  onChange: (v: number | null) => void;
  error?: string;
}) {
  const id = useId();
  const segment =
    "flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-md border text-base font-semibold tabular transition-colors " +
    "border-stone-300 bg-white text-ink hover:border-accent-600 hover:bg-accent-50 " +
    "peer-checked:border-accent-700 peer-checked:bg-accent-700 peer-checked:text-white " +
    "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600";
  return (
    <fieldset className="min-w-0" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-ink">
        <span className="sr-only">{context}: </span>
        {legend}
      </legend>
      <div className="flex flex-wrap gap-1">
        <label className="relative">
          <input
            type="radio"
            className="peer sr-only"
            name={name}
            value=""
            checked={value === null}
            onChange={() => onChange(null)}
          />
          <span
            className={`${segment} px-3 text-sm font-medium peer-checked:border-stone-600! peer-checked:bg-stone-600!`}
          >
            Not recorded
          </span>
        </label>
        {SCORES.map((n) => (
          <label key={n} className="relative">
            <input
              type="radio"
              className="peer sr-only"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span className={segment}>{n}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
