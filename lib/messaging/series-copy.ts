/**
 * The words of the one message a client gets about a whole series (booked, or the rest of it
 * cancelled), pure: facts in, copy out, in the clinic's zone and locale. One message listing every
 * date instead of one per session: six confirmations in a row read as spam and bury the one that
 * matters. Logistics only, never anything clinical (email and SMS are not private channels).
 */
import { clinicFormat, type ClinicFormat } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import type { SeriesEvent } from "@/lib/scheduling/appointments/series-notice";
import { formatNoticePeriod } from "@/lib/scheduling/rules/cancellation";
import type { EmailLayoutCopy } from "@/lib/delivery/email/layout";
import { toGsm } from "@/lib/delivery/rules/sms-text";

export interface SeriesSession {
  startsAt: Date;
  endsAt: Date;
  therapistName: string;
  roomName: string | null;
}

export interface SeriesMessageFacts {
  event: SeriesEvent;
  clinicName: string;
  locale: ClinicLocale;
  timeZone: string;
  clientName: string;
  typeName: string;
  cancellationNoticeHours: number;
  /** The series rule's spacing: 1 weekly, 2 fortnightly. */
  intervalWeeks: number;
  /** The sessions this message is about, in time order (at least one). */
  sessions: SeriesSession[];
  /** Words the clinic chose to share with a cancellation (never the internal reason). */
  sharedReason?: string | null;
}

export type SeriesMessageCopy = EmailLayoutCopy & { subject: string; sms: string };

/** Up to this many dates are listed one by one in a text; more are told as a span (a text is short). */
const SMS_DATES = 8;

const uniform = <T>(items: readonly T[]): T | null => (items.every((i) => i === items[0]) ? (items[0] ?? null) : null);

function cadence(intervalWeeks: number): { adjective: string; suffix: string } {
  if (intervalWeeks === 1) return { adjective: "weekly ", suffix: "" };
  if (intervalWeeks === 2) return { adjective: "fortnightly ", suffix: "" };
  return { adjective: "", suffix: `, every ${intervalWeeks} weeks` };
}

/** "Tuesdays 10:00" when every session is on the same weekday at the same time, else null. */
function pattern(fmt: ClinicFormat, sessions: readonly SeriesSession[]): string | null {
  const day = uniform(sessions.map((s) => fmt.at(s.startsAt, "weekday")));
  const time = uniform(sessions.map((s) => fmt.at(s.startsAt, "time")));
  return day && time ? `${day}s ${time}` : null;
}

function span(fmt: ClinicFormat, sessions: readonly SeriesSession[]): string {
  const first = sessions[0]!.startsAt;
  const last = sessions.at(-1)!.startsAt;
  if (sessions.length === 1) return `on ${fmt.at(first, "dayMonthLong")}`;
  const sameYear = fmt.at(first, "year") === fmt.at(last, "year");
  const style = sameYear ? "dayMonthLong" : "dateLong";
  return `from ${fmt.at(first, style)} to ${fmt.at(last, style)}`;
}

export function seriesCopy(f: SeriesMessageFacts): SeriesMessageCopy {
  const fmt = clinicFormat({ locale: f.locale, timeZone: f.timeZone });
  const n = f.sessions.length;
  const therapist = uniform(f.sessions.map((s) => s.therapistName));
  const room = uniform(f.sessions.map((s) => s.roomName));
  const when = pattern(fmt, f.sessions);
  const { adjective, suffix } = cadence(f.intervalWeeks);
  const cancelled = f.event === "cancelled";
  const noun = n === 1 ? "appointment" : `${n} ${adjective}appointments`;
  const withWhom = therapist ? ` with ${therapist}` : "";
  const summary = `Your ${noun}${withWhom}${when ? `, ${when}` : ""}${suffix}, ${span(fmt, f.sessions)}`;
  const items = f.sessions.map((s) => ({
    value:
      `${fmt.at(s.startsAt, "dateFull")}, ${fmt.timeRange(s.startsAt, s.endsAt)} (${fmt.zoneName(s.startsAt)})` +
      (therapist ? "" : ` with ${s.therapistName}`) +
      (room !== null || !s.roomName ? "" : `, ${s.roomName}`),
    struck: cancelled,
  }));
  const details: EmailLayoutCopy["details"] = [{ label: "Appointment", value: f.typeName }];
  if (therapist) details.push({ label: "With", value: therapist });
  if (room) details.push({ label: "Room", value: room });
  const first = fmt.at(f.sessions[0]!.startsAt, "dayMonth");
  const dates = f.sessions.map((s) => fmt.at(s.startsAt, "dayMonth"));
  const listed = n <= SMS_DATES ? dates.join(", ") : `${dates[0]} to ${dates.at(-1)}`;
  const text = cancelled
    ? {
        subject: `Cancelled: ${n === 1 ? "1 appointment" : `${n} appointments`} at ${f.clinicName} from ${first}`,
        heading: n === 1 ? "Your appointment is cancelled" : "Your appointments are cancelled",
        lead: `${f.clinicName} has cancelled ${n === 1 ? "this appointment" : `these ${n} appointments`} of your ${f.typeName} series.${f.sharedReason ? ` ${f.sharedReason}` : ""}`,
        sms: `${f.clinicName}: your ${f.typeName} ${n === 1 ? "appointment" : "appointments"} on ${listed} ${n === 1 ? "is" : "are"} cancelled.`,
        notes: [`To book again, contact ${f.clinicName} or use the booking page.`],
      }
    : {
        subject: `Booked: ${n === 1 ? "1 appointment" : `${n} appointments`} at ${f.clinicName} from ${first}`,
        heading: n === 1 ? "Your appointment is booked" : "Your appointments are booked",
        lead: `${summary}. The calendar file attached adds ${n === 1 ? "it" : "them all"} to your calendar.`,
        sms: `${f.clinicName}: you're booked for ${f.typeName}${withWhom}${when ? `, ${when}` : ""}: ${listed}.`,
        notes: [
          `You can cancel or move an appointment online up to ${formatNoticePeriod(f.cancellationNoticeHours)} before it starts; after that, please call ${f.clinicName}.`,
        ],
      };
  return {
    lang: f.locale,
    subject: text.subject,
    preview: `${text.heading}: ${listed}`,
    heading: text.heading,
    greeting: `Hello ${f.clientName},`,
    lead: text.lead,
    details,
    list: { label: n === 1 ? "Date" : "Dates", items },
    action: null,
    notes: text.notes,
    signOff: f.clinicName,
    sms: toGsm(text.sms),
  };
}
