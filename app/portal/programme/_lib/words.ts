import type { PortalDosage, PortalProgramme } from "@/lib/programmes/portal-schemas";
import type { ClinicFormat } from "@/lib/format/clinic-format";
import { ATTACHMENT_LABEL, describeDays, describeSessions } from "@/lib/programmes/dosage-words";

/*
 * The prescription in a client's words. Clinician terms (technique, intensity scale, passes)
 * become what to do with the tool; everything here is pure so the home card, the item page
 * and the printout say exactly the same thing.
 */

/** 60 → "60 s", 120 → "2 min", 150 → "2 min 30 s": short enough for one line on a phone. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Hold each spot 60 s · 2 spots · 2 sets · rest 30 s · intensity about 4/10". */
export function dosageParts(d: PortalDosage): string[] {
  const parts: string[] = [];
  if (d.technique === "sustained_pressure") {
    parts.push(`Hold each spot ${duration(d.secondsPerSpot ?? 60)}`);
    parts.push(plural(d.spots ?? 1, "spot"));
  } else if (d.technique === "rolling") {
    parts.push(`Roll slowly ${duration(d.secondsPerMuscle ?? 60)}`);
    if (d.passes) parts.push(`about ${plural(d.passes, "pass", "passes")}`);
  } else {
    parts.push(`Keep the gun moving ${duration(d.secondsPerMuscle ?? 60)}`);
    if (d.attachment) parts.push(`use the ${ATTACHMENT_LABEL[d.attachment] ?? d.attachment}`);
    if (d.passes) parts.push(`about ${plural(d.passes, "pass", "passes")}`);
  }
  parts.push(plural(d.sets, "set"));
  if (d.sets > 1 && d.restSeconds > 0) parts.push(`rest ${duration(d.restSeconds)}`);
  parts.push(`intensity about ${d.intensity}/10`);
  return parts;
}

export function dosageWords(d: PortalDosage): string {
  return dosageParts(d).join(" · ");
}

/** "Once a day, every day" · "Twice a day, Mon, Wed, Fri" (the staff side's words for the days). */
export function scheduleWords(d: Pick<PortalDosage, "sessionsPerDay" | "daysOfWeek">): string {
  const times = describeSessions(d.sessionsPerDay);
  return `${times.charAt(0).toUpperCase()}${times.slice(1)}, ${describeDays(d.daysOfWeek)}`;
}

/** How long one session takes, rounded up to whole minutes: "about 5 min". */
export function sessionMinutes(totalSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(totalSeconds / 60));
  return `about ${minutes} min`;
}

/**
 * The library writes instructions as one paragraph; a client follows numbered steps more
 * easily. Split on sentence ends (not on "e.g." or decimals), keeping each sentence whole.
 */
export function instructionSteps(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD calendar day. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The next day after `today` on which any item is prescribed, within a week and before the
 * programme's end date; null when nothing is left to do.
 */
export function nextProgrammeDay(
  programmes: readonly Pick<PortalProgramme, "endDate" | "items">[],
  today: string,
): string | null {
  for (let n = 1; n <= 7; n++) {
    const day = addDays(today, n);
    const weekday = isoWeekday(day);
    const due = programmes.some(
      (p) => (p.endDate === null || day <= p.endDate) && p.items.some((i) => i.dosage.daysOfWeek.includes(weekday)),
    );
    if (due) return day;
  }
  return null;
}

/** "tomorrow", "on Thursday" (within the week) — the day is the clinic's calendar day, in its words. */
export function relativeDay(day: string, today: string, f: ClinicFormat): string {
  if (day === addDays(today, 1)) return "tomorrow";
  return day <= addDays(today, 6) ? `on ${f.day(day, "weekday")}` : `on ${f.day(day, "weekdayLong")}`;
}

/** The week so far, kindly: no percentages, no scolding. Null when nothing was asked yet. */
export function adherenceWords(t: { prescribed: number; completed: number }): string | null {
  if (t.prescribed <= 0) return null;
  const done = Math.min(t.completed, t.prescribed);
  const base = `This week so far you have done ${done} of ${plural(t.prescribed, "session")}.`;
  if (done >= t.prescribed) return `${base} All done — well done!`;
  if (done / t.prescribed >= 0.5) return `${base} Keep it up.`;
  return `${base} Every session helps, even a short one.`;
}
