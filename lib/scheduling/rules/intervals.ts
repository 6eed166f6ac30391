/**
 * Half-open UTC intervals [start, end).
 *
 * Half-open so that back-to-back appointments (10:00–11:00 then 11:00–12:00) do not overlap,
 * and so that a day split at midnight loses no instant and counts none twice.
 * Lists returned from here are "normalized": sorted by start, non-empty, and with touching or
 * overlapping intervals merged — the binary searches below rely on that.
 */

export interface TimeInterval {
  start: Date;
  end: Date;
}

const ms = (d: Date) => d.getTime();

/** Builds an interval, refusing an inverted one (end before start is always a caller bug). */
export function interval(start: Date, end: Date): TimeInterval {
  if (Number.isNaN(ms(start)) || Number.isNaN(ms(end))) throw new RangeError("Interval bounds must be valid dates.");
  if (ms(end) < ms(start)) {
    throw new RangeError(`Interval ends (${end.toISOString()}) before it starts (${start.toISOString()}).`);
  }
  return { start, end };
}

export function isEmpty(a: TimeInterval): boolean {
  return ms(a.end) <= ms(a.start);
}

/** True when the two intervals share at least one instant; touching intervals do not overlap. */
export function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end) && !isEmpty(a) && !isEmpty(b);
}

/** Sorts, drops empty intervals and merges overlapping or touching ones. */
export function normalize(list: readonly TimeInterval[]): TimeInterval[] {
  const sorted = list
    .map((a) => interval(a.start, a.end))
    .filter((a) => !isEmpty(a))
    .sort((a, b) => ms(a.start) - ms(b.start));
  const out: TimeInterval[] = [];
  for (const a of sorted) {
    const last = out.at(-1);
    if (last && ms(a.start) <= ms(last.end)) {
      if (ms(a.end) > ms(last.end)) out[out.length - 1] = { start: last.start, end: a.end };
    } else {
      out.push({ start: a.start, end: a.end });
    }
  }
  return out;
}

/** Everything in `from` that is not in `remove`. */
export function subtractIntervals(from: readonly TimeInterval[], remove: readonly TimeInterval[]): TimeInterval[] {
  const cuts = normalize(remove);
  const out: TimeInterval[] = [];
  for (const a of normalize(from)) {
    let cursor = ms(a.start);
    const end = ms(a.end);
    for (const c of cuts) {
      if (ms(c.end) <= cursor) continue;
      if (ms(c.start) >= end) break;
      if (ms(c.start) > cursor) out.push({ start: new Date(cursor), end: c.start });
      cursor = Math.max(cursor, ms(c.end));
      if (cursor >= end) break;
    }
    if (cursor < end) out.push({ start: new Date(cursor), end: a.end });
  }
  return out;
}

/** Instants present in both lists. */
export function intersectIntervals(a: readonly TimeInterval[], b: readonly TimeInterval[]): TimeInterval[] {
  const left = normalize(a);
  const right = normalize(b);
  const out: TimeInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i]!;
    const y = right[j]!;
    const start = Math.max(ms(x.start), ms(y.start));
    const end = Math.min(ms(x.end), ms(y.end));
    if (start < end) out.push({ start: new Date(start), end: new Date(end) });
    if (ms(x.end) < ms(y.end)) i++;
    else j++;
  }
  return out;
}

/** The part of `list` inside `window`. */
export function clipIntervals(list: readonly TimeInterval[], window: TimeInterval): TimeInterval[] {
  return intersectIntervals(list, [window]);
}

/** Index of the first interval in a normalized list whose end is after `at`, or list.length. */
function firstEndingAfter(sorted: readonly TimeInterval[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms(sorted[mid]!.end) > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** True when `a` overlaps any interval of a normalized list (binary search). */
export function overlapsAny(sorted: readonly TimeInterval[], a: TimeInterval): boolean {
  if (isEmpty(a)) return false;
  const candidate = sorted[firstEndingAfter(sorted, ms(a.start))];
  return candidate !== undefined && ms(candidate.start) < ms(a.end);
}

/** True when `a` lies entirely inside one interval of a normalized list (binary search). */
export function containedIn(sorted: readonly TimeInterval[], a: TimeInterval): boolean {
  const candidate = sorted[firstEndingAfter(sorted, ms(a.start))];
  return candidate !== undefined && ms(candidate.start) <= ms(a.start) && ms(candidate.end) >= ms(a.end);
}
