/**
 * The reference's places never to press (endangerment zones) and, for clinicians, the red flags
 * that mean refer before prescribing. Text lists under a heading: the words carry the warning.
 */
export function AvoidSites({ sites, headingId, heading }: { sites: string[]; headingId: string; heading: string }) {
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3">
      <h2 id={headingId} className="text-base font-semibold text-ink">
        {heading}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-snug text-ink">
        {sites.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}

export function RedFlags({ flags, headingId }: { flags: string[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="rounded-lg border-2 border-red-300 bg-red-50 px-4 py-3">
      <h2 id={headingId} className="text-base font-semibold text-danger">
        Refer before prescribing (red flags)
      </h2>
      <p className="mt-1 text-sm text-ink">
        If the client reports any of these, stop and refer for medical assessment instead of prescribing self-care.
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-snug text-red-900">
        {flags.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </section>
  );
}
