import { formatNoticePeriod } from "@/lib/scheduling/cancellation";

export interface ReminderFacts {
  clinicName: string;
  timeZone: string;
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

/** "Tuesday 10 March 2026 at 14:00", on the clinic's clocks. */
export function formatWhen(at: Date, timeZone: string): string {
  // Assembled from parts: ICU versions differ on the comma after the weekday.
  const parts = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")} at ${formatClock(at, timeZone)}`;
}

function formatClock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(
    at,
  );
}

/**
 * The reminder email. Logistics only — when, where, with whom, what kind of appointment and
 * how to cancel — never anything clinical: email is not a private channel.
 */
export function reminderEmail(f: ReminderFacts): { subject: string; text: string } {
  const when = formatWhen(f.startsAt, f.timeZone);
  const cancel = f.hasPortal
    ? `Need to cancel? You can cancel online in your portal (${f.portalUrl}) up to ${formatNoticePeriod(f.cancellationNoticeHours)} before the appointment; after that, please call the clinic.`
    : `Need to cancel? Please contact ${f.clinicName} at least ${formatNoticePeriod(f.cancellationNoticeHours)} before the appointment.`;
  const lines = [
    `Hello ${f.clientName},`,
    "",
    `This is a reminder of your appointment at ${f.clinicName}.`,
    "",
    `When: ${when}–${formatClock(f.endsAt, f.timeZone)} (${f.timeZone} time)`,
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
