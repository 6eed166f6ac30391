import { formatNoticePeriod } from "@/lib/scheduling/cancellation";
import { clinicFormat, type ClinicFormat } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";

export interface ReminderFacts {
  clinicName: string;
  timeZone: string;
  /** The clinic's locale: the email writes dates and times as the clinic does everywhere else. */
  locale: ClinicLocale;
  clientName: string;
  startsAt: Date;
  endsAt: Date;
  therapistName: string;
  typeName: string;
  roomName: string | null;
  cancellationNoticeHours: number;
  /** The client has a portal login, so "cancel online" is something they can do. */
  hasPortal: boolean;
  portalUrl: string;
}

/** "Tuesday 10 March 2026 at 14:00" (en-GB) or "Tuesday, March 10, 2026 at 2:00 PM" (en-US), on the clinic's clocks. */
export function formatWhen(at: Date, fmt: ClinicFormat): string {
  return `${fmt.at(at, "dateFull")} at ${fmt.at(at, "time")}`;
}

/**
 * The reminder email. Logistics only — when, where, with whom, what kind of appointment and
 * how to cancel — never anything clinical: email is not a private channel.
 */
export function reminderEmail(f: ReminderFacts): { subject: string; text: string } {
  const fmt = clinicFormat({ locale: f.locale, timeZone: f.timeZone });
  const when = formatWhen(f.startsAt, fmt);
  const cancel = f.hasPortal
    ? `Need to cancel? You can cancel online in your portal (${f.portalUrl}) up to ${formatNoticePeriod(f.cancellationNoticeHours)} before the appointment; after that, please call the clinic.`
    : `Need to cancel? Please contact ${f.clinicName} at least ${formatNoticePeriod(f.cancellationNoticeHours)} before the appointment.`;
  const lines = [
    `Hello ${f.clientName},`,
    "",
    `This is a reminder of your appointment at ${f.clinicName}.`,
    "",
    `When: ${when}–${fmt.at(f.endsAt, "time")} (${f.timeZone} time)`,
    `With: ${f.therapistName}`,
    `Appointment: ${f.typeName}`,
    ...(f.roomName ? [`Room: ${f.roomName}`] : []),
    "",
    cancel,
    "",
    `See you soon,`,
    f.clinicName,
  ];
  return { subject: `Reminder: your appointment at ${f.clinicName} on ${when}`, text: lines.join("\n") };
}
