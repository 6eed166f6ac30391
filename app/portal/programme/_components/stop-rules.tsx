/** The stop rules as a list; red is backed by the heading's words, never colour alone. */
export function StopRules({
  rules,
  headingId,
  heading = "Stop at once if",
}: {
  rules: string[];
  headingId: string;
  heading?: string;
}) {
  return (
    <div className="rounded-lg border-2 border-red-300 bg-red-50 px-4 py-3 text-danger">
      <h2 id={headingId} className="flex items-center gap-2 text-base font-semibold">
        <span
          aria-hidden="true"
          className="inline-flex size-6 items-center justify-center rounded-full bg-danger text-sm text-white"
        >
          !
        </span>
        {heading}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-snug text-red-900">
        {rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
