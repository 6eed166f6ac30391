import { addLocalDays, localDateOf, wallMinutesOf, zonedInstant } from "@/lib/format/zoned";

export interface QuietHours {
  /** Minutes after midnight in the clinic's zone; start > end means across midnight (20:00–08:00). */
  startMinute: number;
  endMinute: number;
}

/**
 * When an SMS due at `now` may go: null when `now` is outside the clinic's quiet hours (send at
 * once), else the instant they end, in the clinic's zone (zonedInstant handles a clock change
 * that night). Quiet hours are [start, end): 20:00 is quiet, 08:00 is not.
 */
export function quietHoursEnd(now: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  if (!quiet || quiet.startMinute === quiet.endMinute) return null;
  const minute = wallMinutesOf(now, timeZone);
  const today = localDateOf(now, timeZone);
  const { startMinute: start, endMinute: end } = quiet;
  if (start < end) return minute >= start && minute < end ? zonedInstant(today, end, timeZone) : null;
  // Across midnight: quiet late in the evening (ends tomorrow) or early in the morning (ends today).
  if (minute >= start) return zonedInstant(addLocalDays(today, 1), end, timeZone);
  if (minute < end) return zonedInstant(today, end, timeZone);
  return null;
}

/** "HH:MM" ⇄ minutes after midnight, for the settings form. */
export const minutesToWallTime = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
