/**
 * Wall-clock ↔ instant conversions in a clinic's IANA time zone.
 *
 * Schedules are stored as wall-clock times ("Mondays 09:00–17:00 in Europe/London") because
 * that is what stays fixed across daylight-saving changes; instants are derived per date.
 * Every conversion goes through @date-fns/tz, so offsets come from the runtime's tz database;
 * nothing here knows a rule or an offset. The one piece of arithmetic (moving a guess by the
 * offset change the database reports, in zonedInstant) is verified by reading the clocks back.
 *
 * A wall-clock time resolves to the FIRST instant at which the clinic's clocks read it or later.
 * That is the exact instant on ordinary days, and on change nights (pinned in zoned.test.ts):
 * - a repeated time (01:30 on the fall-back night) is its first, summer-time occurrence,
 *   as RFC 5545 and Temporal's "compatible" read it;
 * - a skipped time (01:30 on the spring-forward night in London) is the moment the clocks jump
 *   past it (01:00Z, which the clocks show as 02:00 BST). Unlike RFC 5545's "add the gap"
 *   (02:30 BST), this keeps intervals monotone: a block 01:30–02:15 keeps 02:00–02:15 BST instead
 *   of turning inside out, and a block wholly inside the gap becomes empty.
 * Clinics do not work at those hours; the rule only has to be deterministic and documented.
 */
import { TZDate, tzOffset } from "@date-fns/tz";

/** A calendar date in the clinic's zone, "YYYY-MM-DD". */
export type LocalDate = string;
/** A wall-clock time, "HH:MM" (24-hour); "24:00" is accepted as the end of a day. */
export type WallTime = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
export const MINUTES_PER_DAY = 24 * 60;

// Building an Intl formatter per call is costly and every conversion checks its zone.
const knownZones = new Set<string>();

/** True for names the runtime's tz database knows (IANA names such as "Europe/London", or "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

/** Throws for an unknown zone: @date-fns/tz would otherwise silently produce Invalid Date. */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}".`);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Calendar dates are handled as UTC dates: a calendar has no time zone, and Date.UTC
 * normalizes day overflow (31 + 1 → 1st of next month) without touching any offset.
 */
function calendarDate(date: LocalDate): Date {
  const m = DATE_RE.exec(date);
  const utc = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  // Round-trip so 2026-02-30 is refused rather than rolled into March.
  if (!utc || formatCalendarDate(utc) !== date)
    throw new RangeError(`Invalid local date "${date}" (expected YYYY-MM-DD).`);
  return utc;
}

function formatCalendarDate(utc: Date): LocalDate {
  return `${String(utc.getUTCFullYear()).padStart(4, "0")}-${pad2(utc.getUTCMonth() + 1)}-${pad2(utc.getUTCDate())}`;
}

/** Minutes since local midnight for "HH:MM" ("24:00" → 1440). */
export function parseWallTime(time: WallTime): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Invalid time "${time}" (expected HH:MM, 24-hour).`);
  return m[3] ? MINUTES_PER_DAY : Number(m[1]) * 60 + Number(m[2]);
}

/** The calendar date `days` after `date` (pure calendar arithmetic, zone-independent). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = calendarDate(date);
  return formatCalendarDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days)));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: LocalDate): number {
  return calendarDate(date).getUTCDay() || 7;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "YYYY-MM-DD HH:mm" on the clinic's clocks; such readings compare chronologically as strings. */
function readingAt(ms: number, timeZone: string): string {
  // TZDate getters rather than date-fns format: this sits on the hot path and is ~8× cheaper.
  const d = new TZDate(ms, timeZone);
  return `${String(d.getFullYear()).padStart(4, "0")}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * First whole minute in (lo, hi] whose reading is ≥ `wanted`, by bisection. Only used within
 * hours of a spring-forward change, where readings only ever increase.
 */
function firstMinuteReadingAtLeast(wanted: string, lo: number, hi: number, timeZone: string): number {
  if (readingAt(lo, timeZone) >= wanted || readingAt(hi, timeZone) < wanted) {
    throw new RangeError(`Cannot resolve ${wanted} in ${timeZone}.`);
  }
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (readingAt(mid, timeZone) >= wanted) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The instant at which the clinic's clocks read `time` on `date` (see the rule at the top for
 * skipped and repeated times). `time` is "HH:MM" or minutes since midnight; 1440 / "24:00" is
 * the next day's midnight.
 */
export function zonedInstant(date: LocalDate, time: WallTime | number, timeZone: string): Date {
  assertTimeZone(timeZone);
  const minutes = typeof time === "number" ? time : parseWallTime(time);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Minutes of day out of range: ${minutes}.`);
  }
  if (minutes === MINUTES_PER_DAY) return zonedInstant(addLocalDays(date, 1), 0, timeZone);
  const day = calendarDate(date);
  const hours = Math.floor(minutes / 60);
  const wanted = `${date} ${pad2(hours)}:${pad2(minutes % 60)}`;

  // TZDate's constructor is exact for ordinary times, but for skipped and repeated times its
  // answer depends on the server's own time zone (seen with @date-fns/tz 1.5.0: Berlin 02:30 on
  // its spring-forward night came out as 01:30 CET when the process ran in Europe/London). So
  // it is only a first guess: the candidates are the guess and the guess moved by the offset
  // change the tz database reports around it, kept only where the clocks really read `wanted`.
  const guess = new TZDate(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    hours,
    minutes % 60,
    timeZone,
  ).getTime();
  const change =
    Math.abs(tzOffset(timeZone, new Date(guess + DAY_MS)) - tzOffset(timeZone, new Date(guess - DAY_MS))) * MINUTE_MS;
  const guessReads = readingAt(guess, timeZone) === wanted;
  if (change === 0 && guessReads) return new Date(guess);
  const exact = [guess - change, guess + change].filter((t) => readingAt(t, timeZone) === wanted);
  if (guessReads) exact.push(guess);
  if (exact.length > 0) return new Date(Math.min(...exact));

  // No instant reads `wanted`: it was skipped. Take the moment the clocks jumped past it.
  return new Date(firstMinuteReadingAtLeast(wanted, guess - 6 * HOUR_MS, guess + 6 * HOUR_MS, timeZone));
}

/** The clinic-zone calendar date of an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  assertTimeZone(timeZone);
  return readingAt(instant.getTime(), timeZone).slice(0, 10);
}

/** Minutes since local midnight shown by the clinic's clocks at `instant` (seconds ignored). */
export function wallMinutesOf(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

/** "HH:MM" shown by the clinic's clocks at `instant`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  return readingAt(instant.getTime(), timeZone).slice(11, 16);
}

/** Every clinic-zone calendar date that the half-open range [from, to) touches, in order. */
export function localDatesCovering(from: Date, to: Date, timeZone: string): LocalDate[] {
  if (to.getTime() <= from.getTime()) return [];
  const last = localDateOf(new Date(to.getTime() - 1), timeZone);
  const dates: LocalDate[] = [];
  for (let d = localDateOf(from, timeZone); d <= last; d = addLocalDays(d, 1)) dates.push(d);
  return dates;
}
