import { clinicFormat } from "@/lib/format/clinic-format";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import { segments, toGsm } from "@/lib/delivery/rules/sms-text";

export interface ReminderSmsFacts {
  clinicName: string;
  typeName: string;
  therapistName: string;
  startsAt: Date;
  locale: ClinicLocale;
  timeZone: string;
}

/**
 * The reminder text: the clinic, when (the clinic's locale and zone: "Tue 6 Apr, 14:00" or "Tue,
 * Apr 6, 2:00 PM") and the link to the appointment page. Of three wordings, the fullest one that
 * needs the fewest segments is used: one 160-character GSM segment where the link allows it (a
 * signed link is long, so often it does not, and then nothing is dropped that would not save a
 * segment).
 */
export function reminderSms(f: ReminderSmsFacts, link: string | null): string {
  const when = clinicFormat({ locale: f.locale, timeZone: f.timeZone }).at(f.startsAt, "weekdayTime");
  const words = [
    `Reminder: ${f.typeName} with ${f.therapistName} at ${f.clinicName}, ${when}.`,
    `Reminder: ${f.typeName} at ${f.clinicName}, ${when}.`,
    `Reminder: ${f.clinicName}, ${when}.`,
  ].map(toGsm);
  const full = (w: string) => (link ? `${w} ${link}` : w);
  const fewest = Math.min(...words.map((w) => segments(full(w))));
  return full(words.find((w) => segments(full(w)) === fewest)!);
}
