/**
 * Expanding a recurring appointment or treatment-plan series into occurrences.
 *
 * Occurrences keep the series' wall-clock time in the clinic's zone: a Monday 09:00 series is
 * at 09:00 on the clinic's clocks before and after a daylight-saving change (its UTC instant
 * moves by an hour). Dates are stepped as calendar dates, never by adding 7 × 24 hours.
 */
import { addMinutes } from "date-fns";
import { MAX_SERIES_OCCURRENCES, type SeriesRule } from "./schemas";
import {
  addLocalDays,
  assertTimeZone,
  wallTimeOf,
  zonedInstant,
  type LocalDate,
  type WallTime,
} from "@/lib/format/zoned";

export interface Occurrence {
  /** 0-based position in the series. */
  index: number;
  localDate: LocalDate;
  start: Date;
  /** start + duration in elapsed minutes: a 60-minute session lasts 60 minutes even across a change. */
  end: Date;
  /**
   * True when the series' time did not exist on this date (inside a spring-forward gap) and the
   * session moved to a later wall-clock time; the UI should say so. Never true at clinic hours.
   */
  shifted: boolean;
}

export interface ExpandSeriesOptions {
  timeZone: string;
  durationMin: number;
  /** Safety cap; defaults to MAX_SERIES_OCCURRENCES (52). */
  maxOccurrences?: number;
}

export interface ExpandedSeries {
  occurrences: Occurrence[];
  /** True when an "until" rule would have produced more than the cap; only the first ones are returned. */
  truncated: boolean;
}

/**
 * Occurrences of a series rule (already parsed by `seriesRule`): the first at `rule.start`, then
 * every `intervalWeeks` weeks, for `count` sessions or until `rule.until` (inclusive, local date).
 */
export function expandSeries(rule: SeriesRule, options: ExpandSeriesOptions): ExpandedSeries {
  const { timeZone, durationMin, maxOccurrences = MAX_SERIES_OCCURRENCES } = options;
  assertTimeZone(timeZone);
  if (!Number.isInteger(rule.intervalWeeks) || rule.intervalWeeks < 1)
    throw new RangeError("intervalWeeks must be a positive whole number.");
  if ((rule.count === undefined) === (rule.until === undefined))
    throw new RangeError("A series needs exactly one of count or until.");

  const firstDate: LocalDate = rule.start.slice(0, 10);
  const wallTime: WallTime = rule.start.slice(11, 16);
  const wanted = rule.count ?? Number.POSITIVE_INFINITY;
  const occurrences: Occurrence[] = [];

  for (let index = 0; index < wanted; index++) {
    const localDate = addLocalDays(firstDate, index * 7 * rule.intervalWeeks);
    if (rule.until !== undefined && localDate > rule.until) break;
    if (occurrences.length >= maxOccurrences) return { occurrences, truncated: true };
    const start = zonedInstant(localDate, wallTime, timeZone);
    occurrences.push({
      index,
      localDate,
      start,
      end: addMinutes(start, durationMin),
      shifted: wallTimeOf(start, timeZone) !== wallTime,
    });
  }
  return { occurrences, truncated: false };
}
