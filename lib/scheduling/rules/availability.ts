/**
 * A therapist's working time as concrete UTC intervals.
 *
 * Weekly blocks and exceptions are wall-clock times in the clinic's zone. They are resolved to
 * instants date by date, so a 09:00–17:00 block is 09:00–17:00 on the clinic's clocks on both
 * sides of a daylight-saving change (its UTC bounds move by the offset change instead).
 */
import type { AvailabilityException, TimeOffException, WeeklyBlock } from "./schemas";
import { clipIntervals, normalize, subtractIntervals, type TimeInterval } from "./intervals";
import {
  assertTimeZone,
  isoWeekdayOf,
  localDatesCovering,
  zonedInstant,
  type LocalDate,
  type WallTime,
} from "@/lib/format/zoned";

export interface ExpandAvailabilityOptions {
  weekly: readonly WeeklyBlock[];
  exceptions?: readonly AvailabilityException[];
  /** The clinic's IANA zone; every wall-clock time above is read in it. */
  timeZone: string;
  /** The instants to cover, half-open [from, to). */
  from: Date;
  to: Date;
}

/**
 * The interval between two wall-clock readings, or null when nothing real lies between them.
 *
 * Ends resolve as in zoned.ts (first instant the clocks read that time or later). On a
 * spring-forward night in London (29 March 2026, clocks jump 01:00 GMT → 02:00 BST) a block
 * 01:30–03:00 therefore becomes 02:00–03:00 BST (work starts as soon as the clocks pass 01:30),
 * and a block wholly inside the skipped hour (01:00–02:00) is empty and dropped. On the
 * fall-back night a block 00:00–02:00 spans three real hours, because the clocks show 01:00–02:00
 * twice — the therapist really is there for three hours.
 */
function wallClockInterval(
  startDate: LocalDate,
  start: WallTime,
  endDate: LocalDate,
  end: WallTime,
  timeZone: string,
): TimeInterval | null {
  const from = zonedInstant(startDate, start, timeZone);
  const to = zonedInstant(endDate, end, timeZone);
  return from.getTime() < to.getTime() ? { start: from, end: to } : null;
}

/** The time a time-off exception removes; whole days unless `start` / `end` narrow them. */
export function timeOffInterval(exception: TimeOffException, timeZone: string): TimeInterval | null {
  return wallClockInterval(
    exception.startDate,
    exception.start ?? "00:00",
    exception.endDate ?? exception.startDate,
    exception.end ?? "24:00",
    timeZone,
  );
}

/**
 * Expands weekly blocks plus exceptions into normalized UTC intervals within [from, to).
 *
 * Order of precedence: weekly blocks and extra hours are added first, then time off is removed.
 * Time off therefore wins over extra hours on the same day: if both are recorded, the
 * therapist is away, and it is safer to offer no slot than to book someone who is not there.
 */
export function expandAvailability(options: ExpandAvailabilityOptions): TimeInterval[] {
  const { weekly, exceptions = [], timeZone, from, to } = options;
  assertTimeZone(timeZone);
  if (to.getTime() <= from.getTime()) return [];

  const working: TimeInterval[] = [];
  for (const date of localDatesCovering(from, to, timeZone)) {
    const weekday = isoWeekdayOf(date);
    for (const block of weekly) {
      if (block.weekday !== weekday) continue;
      const resolved = wallClockInterval(date, block.start, date, block.end, timeZone);
      if (resolved) working.push(resolved);
    }
  }

  const timeOff: TimeInterval[] = [];
  for (const exception of exceptions) {
    // Exceptions are resolved whatever their date; clipping below discards those outside the range.
    const resolved =
      exception.kind === "extra_hours"
        ? wallClockInterval(exception.date, exception.start, exception.date, exception.end, timeZone)
        : timeOffInterval(exception, timeZone);
    if (!resolved) continue;
    (exception.kind === "extra_hours" ? working : timeOff).push(resolved);
  }

  return clipIntervals(subtractIntervals(normalize(working), timeOff), { start: from, end: to });
}
