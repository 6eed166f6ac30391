import { TZDate } from "@date-fns/tz";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The calendar day (YYYY-MM-DD) of an instant in the clinic's time zone. Read from the zoned
 * date's own fields rather than date-fns' format(), whose pattern engine and English locale
 * weigh ~15 KB gzip in the portal's bundle (issue #16, page weight) for these three numbers.
 */
export function clinicDay(instant: Date, timeZone: string): string {
  const d = new TZDate(instant.getTime(), timeZone);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}
