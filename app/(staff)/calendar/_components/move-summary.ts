import type { AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import type { ClinicFormat } from "@/lib/format/clinic-format";

/** "Casey Client" → "Casey C.": enough to recognise on a shared screen, less to overhear. */
export const shortClientName = (name: string) => {
  const [first, ...rest] = name.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : (first ?? name);
};
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * What a drag changed, in one sentence: "Moved Casey C. to Tue 14:00 with Theo" (en-GB; "Tue 2:00 PM" for an en-US clinic). A resize says the
 * new span; a move to another therapist names them; the same therapist is not repeated.
 */
export function moveSummary(before: AppointmentView, after: AppointmentView, f: ClinicFormat, back = false): string {
  const day = f.at(after.startsAt, "weekdayName");
  const time = (iso: string) => f.at(iso, "time");
  const who = shortClientName(after.clientName);
  const therapist = after.therapistUserId !== before.therapistUserId ? ` with ${firstName(after.therapistName)}` : "";
  if (after.startsAt === before.startsAt && !therapist)
    return `${back ? "Changed back" : "Changed"} ${who} to ${day} ${f.timeRange(after.startsAt, after.endsAt)}`;
  return `Moved ${who}${back ? " back" : ""} to ${day} ${time(after.startsAt)}${therapist}`;
}
