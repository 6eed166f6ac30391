/**
 * The words of every appointment message, pure: facts in, subject and copy out, every date and
 * time in the clinic's zone and locale (lib/format/clinic-format.ts). Logistics only — when,
 * where, with whom, what kind of appointment, how to change it — never anything clinical: email
 * and SMS are not private channels. The same copy feeds the HTML and plain-text email and the SMS.
 */
import type { EmailLayoutCopy } from "@/lib/delivery/email/layout";
import { clinicFormat } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import type { AppointmentEvent } from "@/lib/scheduling/appointments/client-notice";
import { formatNoticePeriod } from "@/lib/scheduling/rules/cancellation";

export interface AppointmentPlacement {
  startsAt: Date;
  endsAt: Date;
  therapistName: string;
  roomName: string | null;
}

export interface AppointmentMessageFacts extends AppointmentPlacement {
  event: AppointmentEvent;
  clinicName: string;
  locale: ClinicLocale;
  timeZone: string;
  clientName: string;
  typeName: string;
  cancellationNoticeHours: number;
  /** The signed link to view, cancel or reschedule without signing in; null when there is nothing left to do. */
  manageUrl: string | null;
  /** For a change: what the client was told before (only what differs is shown struck through). */
  previous?: AppointmentPlacement | null;
  /** For a cancellation: the reason the clinic chose to share, if any. */
  sharedReason?: string | null;
  cancelledByClient?: boolean;
}

/** The layout's words (lib/delivery/email/layout.tsx) with the subject and the text-message version. */
export interface AppointmentMessageCopy extends Omit<EmailLayoutCopy, "list"> {
  subject: string;
  /** A short text message (SMS), under 320 characters (two segments) with the link. */
  sms: string;
}

export function appointmentCopy(f: AppointmentMessageFacts): AppointmentMessageCopy {
  const fmt = clinicFormat({ locale: f.locale, timeZone: f.timeZone });
  const whenOf = (p: AppointmentPlacement) =>
    `${fmt.at(p.startsAt, "dateFull")}, ${fmt.timeRange(p.startsAt, p.endsAt)} (${fmt.zoneName(p.startsAt)})`;
  const when = whenOf(f);
  const short = fmt.at(f.startsAt, "weekdayTime");
  const notice = formatNoticePeriod(f.cancellationNoticeHours);
  const prev = f.event === "changed" ? (f.previous ?? null) : null;
  const details: AppointmentMessageCopy["details"] = [];
  if (prev && whenOf(prev) !== when) details.push({ label: "Was", value: whenOf(prev), struck: true });
  details.push({ label: f.event === "changed" ? "Now" : "When", value: when, struck: f.event === "cancelled" });
  details.push({ label: "Appointment", value: f.typeName });
  if (prev && prev.therapistName !== f.therapistName)
    details.push({ label: "Was with", value: prev.therapistName, struck: true });
  details.push({ label: "With", value: f.therapistName });
  if (prev && prev.roomName !== f.roomName && prev.roomName)
    details.push({ label: "Was in", value: prev.roomName, struck: true });
  if (f.roomName) details.push({ label: "Room", value: f.roomName });

  const text = {
    booked: {
      subject: `Booked: ${f.typeName} at ${f.clinicName}, ${short}`,
      heading: "Your appointment is booked",
      lead: `You're booked at ${f.clinicName}. The calendar file attached adds it to your calendar.`,
      sms: `${f.clinicName}: you're booked for ${f.typeName} on ${short} with ${f.therapistName}.`,
    },
    changed: {
      subject: `Changed: your appointment at ${f.clinicName} is now ${short}`,
      heading: "Your appointment has changed",
      lead: `${f.clinicName} has changed your appointment. The attached calendar file updates the one in your calendar.`,
      sms: `${f.clinicName}: your appointment is now ${short} with ${f.therapistName}.`,
    },
    cancelled: {
      subject: `Cancelled: ${f.typeName} at ${f.clinicName}, ${short}`,
      heading: "Your appointment is cancelled",
      lead: f.cancelledByClient
        ? `As you asked, your appointment at ${f.clinicName} is cancelled.`
        : `${f.clinicName} has cancelled your appointment.${f.sharedReason ? ` ${f.sharedReason}` : ""}`,
      sms: `${f.clinicName}: your appointment on ${short} is cancelled.`,
    },
    reminder: {
      subject: `Reminder: your appointment at ${f.clinicName} on ${fmt.at(f.startsAt, "dateFull")} at ${fmt.at(f.startsAt, "time")}`,
      heading: "A reminder of your appointment",
      lead: `This is a reminder of your appointment at ${f.clinicName}.`,
      sms: `${f.clinicName}: reminder of ${f.typeName} on ${short} with ${f.therapistName}.`,
    },
  }[f.event];

  const action = f.manageUrl && f.event !== "cancelled" ? { label: "View or cancel", href: f.manageUrl } : null;
  const notes =
    f.event === "cancelled"
      ? [`To book again, contact ${f.clinicName} or use the booking page.`]
      : [
          `You can cancel or move this appointment online up to ${notice} before it starts; after that, please call ${f.clinicName}.`,
        ];
  return {
    lang: f.locale,
    subject: text.subject,
    preview: `${text.heading}: ${short}`,
    heading: text.heading,
    greeting: `Hello ${f.clientName},`,
    lead: text.lead,
    details,
    action,
    notes,
    signOff: f.clinicName,
    sms: action ? `${text.sms} Manage: ${action.href}` : text.sms,
  };
}
