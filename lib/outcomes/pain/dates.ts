import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** The calendar day (YYYY-MM-DD) of an instant in the clinic's time zone. */
export function clinicDay(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}
