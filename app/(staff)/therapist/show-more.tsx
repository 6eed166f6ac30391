import Link from "next/link";

/** Rows a dashboard list shows at first, and how many more each "Show more" adds. */
export const LIST_STEP = 10;

/** How many rows of a list to show, from its search parameter (`?attention=30`); LIST_STEP when absent or odd. */
export function shownFrom(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > LIST_STEP ? Math.min(n, 10_000) : LIST_STEP;
}

/**
 * "Show more" under a capped dashboard list: a plain link that asks the server for the next rows (it works
 * without JavaScript, keeps the other list's count, and lands back on this list). The dashboard of a big
 * clinic sent every row of both lists — 2 MB of HTML — before it was capped.
 */
export function ShowMore({
  param,
  shown,
  total,
  params,
  anchor,
  noun,
}: {
  param: string;
  shown: number;
  total: number;
  params: Record<string, number>;
  anchor: string;
  noun: string;
}) {
  if (shown >= total) return null;
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, [param]: shown + LIST_STEP }))
    if (v > LIST_STEP) next.set(k, String(v));
  return (
    <p className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
      <span>
        Showing {shown} of {total} {noun}.
      </span>
      <Link
        href={`/therapist?${next.toString()}#${anchor}`}
        scroll={false}
        className="inline-flex min-h-11 items-center font-semibold text-accent-700 underline-offset-2 hover:underline"
      >
        Show {Math.min(LIST_STEP, total - shown)} more<span className="sr-only"> {noun}</span>
      </Link>
    </p>
  );
}
