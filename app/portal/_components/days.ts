import { clinicDay } from "@/lib/outcomes/pain/dates";
import type { ClinicFormat } from "@/lib/format/clinic-format";

// Diary days are clinic-local calendar dates (YYYY-MM-DD), the same days the server uses,
// so "today" here must come from the clinic's zone, not the phone's.

/** Today's date in the clinic's time zone. */
export function todayIn(timeZone: string): string {
  return clinicDay(new Date(), timeZone);
}

/** Calendar arithmetic on a YYYY-MM-DD day (UTC midnight has no daylight-saving jumps). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "Today", "Yesterday" or "Tue 3 Mar" ("Tue, Mar 3" for an en-US clinic). */
export function dayLabel(day: string, today: string, f: ClinicFormat): string {
  if (day === today) return "Today";
  if (day === addDays(today, -1)) return "Yesterday";
  return f.day(day, "weekdayShort");
}

/** "3 Mar" ("Mar 3"), for chart ticks and compact lists. */
export function shortDay(day: string, f: ClinicFormat): string {
  return f.day(day, "dayMonth");
}

/** A complaint title inside a sentence: "Neck pain" → "neck pain", but "TMJ pain" stays. */
export function inSentence(title: string): string {
  return /^[A-Z][A-Z]/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}
