"use client";

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/** Anchor words of the 0–10 numeric rating scale, as clients are asked it at the clinic. */
const ANCHORS: Record<number, { short: string; full: string }> = {
  0: { short: "no pain", full: "no pain" },
  10: { short: "worst", full: "worst imaginable" },
};

/**
 * The 0–10 pain scale as eleven large choices. Native radio buttons do the work (arrow keys
 * move and select, Tab leaves the group, forms and screen readers understand them); each
 * invisible input covers its whole tile so a thumb can hit it anywhere. The chosen tile
 * turns solid with white text and a tick, so the choice does not rest on colour.
 */
export function ScorePicker({
  name,
  value,
  onChange,
  labelledBy,
  describedBy,
  invalid,
}: {
  name: string;
  value: number | null;
  onChange: (score: number) => void;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  return (
    // Container query: six tiles a row (two rows, the second centred) when each can be at
    // least 44 px wide, else four a row, so small phones keep thumb-sized targets too.
    <div className="@container">
      <div
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className="flex flex-wrap justify-center gap-1.5"
      >
        {SCORES.map((n) => {
          const anchor = ANCHORS[n];
          const checked = value === n;
          return (
            <label
              key={n}
              className={`relative flex min-h-14 basis-[calc((100%_-_1.125rem)/4)] flex-col items-center justify-center rounded-lg border-2 select-none @min-[18.5rem]:basis-[calc((100%_-_1.875rem)/6)] ${
                checked
                  ? "border-accent-700 bg-accent-700 text-white"
                  : "border-stone-300 bg-white text-ink hover:border-accent-600"
              } has-[input:focus-visible]:outline-3 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-accent-600`}
            >
              <input
                type="radio"
                name={name}
                value={n}
                checked={checked}
                onChange={() => onChange(n)}
                aria-label={anchor ? `${n}, ${anchor.full}` : String(n)}
                className="absolute -inset-0.5 m-0 cursor-pointer appearance-none rounded-lg opacity-0"
              />
              <span aria-hidden="true" className="tabular text-xl leading-none font-semibold">
                {n}
              </span>
              {anchor ? (
                <span
                  aria-hidden="true"
                  className={`mt-1 text-[11px] leading-none ${checked ? "text-white" : "text-muted"}`}
                >
                  {anchor.short}
                </span>
              ) : checked ? (
                <span aria-hidden="true" className="mt-1 text-[11px] leading-none">
                  ✓
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
    </div>
  );
}
