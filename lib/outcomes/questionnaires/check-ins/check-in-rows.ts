import "server-only";
import { TZDate } from "@date-fns/tz";
import { format, startOfISOWeek } from "date-fns";
import type { checkIns } from "@/db/schema";
import type { CheckInDto } from "../schemas";

// Shared by the check-in use-cases beside this file: the week a check-in row is keyed by, and the row
// as the API returns it.

/** Monday of this ISO week in the clinic's time zone. */
export function weekStartOf(instant: Date, timeZone: string): string {
  return format(startOfISOWeek(new TZDate(instant.getTime(), timeZone)), "yyyy-MM-dd");
}

export const toCheckInDto = (r: typeof checkIns.$inferSelect): CheckInDto => ({
  id: r.id,
  weekStart: r.weekStart,
  regions: r.regions,
  updatedAt: r.updatedAt.toISOString(),
});
