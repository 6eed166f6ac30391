/**
 * What the pressure words mean on the 0–10 discomfort scale (reference v2 `safety.pressure_scale`:
 * light ≤ 3/10, usual 4–6/10, too much ≥ 7/10), so "light pressure" in a caution is a number the
 * client and the clinician read the same way. Words carry the meaning, never colour alone.
 */
export function PressureScale({
  bands,
  headingId,
  heading = "How firm to press",
  note,
}: {
  bands: { label: string; text: string }[];
  headingId: string;
  heading?: string;
  note?: string;
}) {
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-white px-4 py-3">
      <h2 id={headingId} className="text-base font-semibold text-ink">
        {heading}
      </h2>
      <dl className="mt-2 space-y-1 text-sm leading-snug text-ink">
        {bands.map((b) => (
          <div key={b.label} className="sm:flex sm:gap-2">
            <dt className="shrink-0 font-semibold tabular sm:w-36">{b.label}</dt>
            <dd>{b.text}</dd>
          </div>
        ))}
      </dl>
      {note ? <p className="mt-2 text-xs text-muted">{note}</p> : null}
    </section>
  );
}
