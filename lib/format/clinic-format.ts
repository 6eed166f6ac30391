/**
 * The one place dates and times become text: always in the clinic's time zone and the clinic's
 * locale (a clinic setting), never the browser's or the server's defaults. Pure, so server
 * pages, client components (through ClinicFormatProvider) and emails share it.
 *
 * Styles are named for what they show; the locale decides order and clock: an en-GB clinic
 * reads "Sun 6 Dec, 14:05", an en-US clinic "Sun, Dec 6, 2:05 PM".
 */
import type { ClinicLocale } from "./clinic-locales";

export interface ClinicFormatSettings {
  locale: ClinicLocale;
  timeZone: string;
}

const STYLES = {
  /** 14:05 · 2:05 PM */
  time: { timeStyle: "short" },
  /** 6 Dec 2026 · Dec 6, 2026 */
  date: { dateStyle: "medium" },
  /** 6 December 2026 · December 6, 2026 */
  dateLong: { dateStyle: "long" },
  /** Sunday 6 December 2026 · Sunday, December 6, 2026 */
  dateFull: { dateStyle: "full" },
  /** 6 Dec 2026, 14:05 · Dec 6, 2026, 2:05 PM */
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** Sunday 6 December 2026 at 14:05 */
  dateTimeFull: { dateStyle: "full", timeStyle: "short" },
  /** Sun 6 Dec · Sun, Dec 6 */
  weekdayShort: { weekday: "short", day: "numeric", month: "short" },
  /** Sunday 6 December · Sunday, December 6 */
  weekdayLong: { weekday: "long", day: "numeric", month: "long" },
  /** Sun 6 Dec 2026 · Sun, Dec 6, 2026 */
  weekdayDate: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  /** Sun 6 Dec, 14:05 */
  weekdayTime: { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" },
  /** 6 Dec · Dec 6 */
  dayMonth: { day: "numeric", month: "short" },
  /** 6 December · December 6 */
  dayMonthLong: { day: "numeric", month: "long" },
  /** Sunday */
  weekday: { weekday: "long" },
  /** Sun */
  weekdayName: { weekday: "short" },
  /** 2026 */
  year: { year: "numeric" },
  /** 02/04/2027 · 04/02/2027 · 2027-04-02: the numeric order a date field follows */
  numericDate: { day: "2-digit", month: "2-digit", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    cache.set(key, f);
  }
  return f;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * ICU versions differ on the thin and narrow no-break spaces they put around ranges and before
 * "AM" (Node's and the browser's can disagree, which would make a server-rendered time differ from
 * the hydrated one). Plain spaces read the same and match on both.
 */
const plain = (s: string) => s.replace(/[\u2009\u202f]/g, " ");
type Instant = Date | string | number;

export interface ClinicFormat extends ClinicFormatSettings {
  /** An instant (Date, ISO string or epoch ms) on the clinic's clocks. */
  at(instant: Instant, style: DateStyle): string;
  /** "14:05–14:50" / "2:05 – 2:50 PM": a range on one day. */
  timeRange(from: Instant, to: Instant): string;
  /**
   * A calendar date "YYYY-MM-DD" (a diary day, a date of birth): a day, not an instant, so it is
   * written as is, without shifting it through any zone.
   */
  day(date: string, style: Exclude<DateStyle, "time" | "dateTime" | "dateTimeFull" | "weekdayTime">): string;
  /** The clinic's short zone name at an instant ("GMT", "BST", "EST"), where a time could be ambiguous. */
  zoneName(instant: Instant): string;
  /** "Tue 1 Dec, 10:00–11:00" · "Tue, Dec 1, 10:00 – 11:00 AM": an appointment's day and times. */
  span(from: Instant, to: Instant): string;
  /** "Tue 1 Dec, 10:00" · "Tue, Dec 1, 10:00 AM": a day and a time (the clock written as the time style). */
  dayTime(instant: Instant): string;
  /**
   * A wall-clock time ("HH:MM" or minutes after midnight, as schedules store it) in the clinic's
   * clock style: "09:00" · "9:00 AM". A time of day, not an instant, so no zone shifts it.
   */
  wall(time: string | number): string;
}

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
function wallDate(time: string | number): Date {
  let minutes: number;
  if (typeof time === "number") minutes = time;
  else {
    const m = WALL_TIME.exec(time);
    if (!m) throw new RangeError(`Not a wall-clock time: "${time}".`);
    minutes = Number(m[1]) * 60 + Number(m[2]);
  }
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)
    throw new RangeError(`Not a time of day: ${time}.`);
  // 24:00 (the end of a working day) reads as midnight, as clocks show it.
  return new Date(Date.UTC(2000, 0, 1, 0, minutes % (24 * 60)));
}

const toDate = (i: Instant) => (i instanceof Date ? i : new Date(i));

export function clinicFormat({ locale, timeZone }: ClinicFormatSettings): ClinicFormat {
  return {
    locale,
    timeZone,
    at: (instant, style) => plain(formatter(locale, timeZone, style).format(toDate(instant))),
    timeRange: (from, to) => plain(formatter(locale, timeZone, "time").formatRange(toDate(from), toDate(to))),
    day: (date, style) => {
      if (!CALENDAR_DATE.test(date)) throw new RangeError(`Not a calendar date: "${date}".`);
      return plain(formatter(locale, "UTC", style).format(new Date(`${date}T00:00:00Z`)));
    },
    zoneName: (instant) =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(toDate(instant))
        .find((p) => p.type === "timeZoneName")?.value ?? timeZone,
    span: (from, to) =>
      plain(
        `${formatter(locale, timeZone, "weekdayShort").format(toDate(from))}, ${formatter(locale, timeZone, "time").formatRange(toDate(from), toDate(to))}`,
      ),
    dayTime: (instant) =>
      plain(
        `${formatter(locale, timeZone, "weekdayShort").format(toDate(instant))}, ${formatter(locale, timeZone, "time").format(toDate(instant))}`,
      ),
    wall: (time) => plain(formatter(locale, "UTC", "time").format(wallDate(time))),
  };
}

/** The format of the actor's clinic (server side: pages, use-cases, emails). */
export const formatFor = (actor: { clinicLocale: ClinicLocale; clinicTimezone: string }) =>
  clinicFormat({ locale: actor.clinicLocale, timeZone: actor.clinicTimezone });

/** The order a clinic writes a numeric date in: en-US month/day/year, en-GB day/month/year, en-CA year-month-day. */
export function dateFieldOrder(locale: ClinicLocale): ("day" | "month" | "year")[] {
  return formatter(locale, "UTC", "numericDate")
    .formatToParts(new Date(Date.UTC(2027, 3, 2)))
    .flatMap((p) => (p.type === "day" || p.type === "month" || p.type === "year" ? [p.type] : []));
}

/** The clinic's clock: 12-hour (en-US, en-AU, en-CA, en-NZ) or 24-hour (en-GB, en-IE), as its time style shows it. */
export function clinicHourCycle(locale: ClinicLocale): 12 | 24 {
  return formatter(locale, "UTC", "time").resolvedOptions().hour12 ? 12 : 24;
}
