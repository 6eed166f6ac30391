/**
 * Whether a waitlist entry fits a freed slot, and why. Every preference the client gave is a
 * hard condition (offering a Tuesday to someone who said "Mondays only" wastes a phone call);
 * the score only orders those that fit: explicit preferences met count for more than
 * "anything", so the client who asked for exactly this comes first, then whoever has waited longest.
 */
import { isoWeekdayOf, localDateOf, wallTimeOf } from "@/lib/format/zoned";

const WEEKDAY_PLURAL = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

export interface SlotToFill {
  start: Date;
  end: Date;
  /** End of the buffer after it: a different, shorter type must fit before this. */
  blocksUntil: Date;
  therapistId: string;
  therapistName: string;
  typeId: string;
  typeName: string;
}

export interface EntryPreferences {
  typeId: string | null;
  therapistUserIds: readonly string[];
  weekdays: readonly number[];
  timeFrom: string | null;
  timeTo: string | null;
  createdAt: Date;
}

export interface TypeInfo {
  name: string;
  durationMin: number;
  bufferAfterMin: number;
  /** Therapists who offer it; null = everyone. */
  offeredBy: readonly string[] | null;
}

export interface Match {
  score: number;
  reasons: string[];
}

/** null when the entry does not fit; otherwise its score and the reasons to show the admin. */
export function matchEntry(
  slot: SlotToFill,
  entry: EntryPreferences,
  types: ReadonlyMap<string, TypeInfo>,
  timeZone: string,
): Match | null {
  const reasons: string[] = [];
  let score = 0;
  let end = slot.end;

  if (entry.typeId === null) reasons.push("Any appointment type");
  else if (entry.typeId === slot.typeId) {
    score += 3;
    reasons.push(`Wants ${slot.typeName}`);
  } else {
    const wanted = types.get(entry.typeId);
    if (!wanted) return null;
    if (wanted.offeredBy && !wanted.offeredBy.includes(slot.therapistId)) return null;
    const needs = (wanted.durationMin + wanted.bufferAfterMin) * 60_000;
    if (slot.start.getTime() + needs > slot.blocksUntil.getTime()) return null;
    end = new Date(slot.start.getTime() + wanted.durationMin * 60_000);
    score += 1;
    reasons.push(`${wanted.name} (${wanted.durationMin} min) fits the slot`);
  }

  if (entry.therapistUserIds.length === 0) reasons.push("Any therapist");
  else if (entry.therapistUserIds.includes(slot.therapistId)) {
    score += 2;
    reasons.push(`Prefers ${slot.therapistName}`);
  } else return null;

  const weekday = isoWeekdayOf(localDateOf(slot.start, timeZone));
  if (entry.weekdays.length === 0) reasons.push("Any day");
  else if (entry.weekdays.includes(weekday)) {
    score += 1;
    reasons.push(`Can come on ${WEEKDAY_PLURAL[weekday - 1]}`);
  } else return null;

  if (entry.timeFrom === null && entry.timeTo === null) reasons.push("Any time");
  else {
    const from = wallTimeOf(slot.start, timeZone);
    // An appointment ending at midnight reads 00:00 on the next day; compare it as 24:00.
    const to = localDateOf(end, timeZone) === localDateOf(slot.start, timeZone) ? wallTimeOf(end, timeZone) : "24:00";
    if (from < (entry.timeFrom ?? "00:00") || to > (entry.timeTo ?? "24:00")) return null;
    score += 1;
    reasons.push(
      entry.timeFrom && entry.timeTo
        ? `Free ${entry.timeFrom}–${entry.timeTo}`
        : entry.timeFrom
          ? `Free from ${entry.timeFrom}`
          : `Free until ${entry.timeTo}`,
    );
  }
  return { score, reasons };
}

/** Best first: the higher score, then the longer wait. */
export function byBestMatch<T extends { score: number; createdAt: Date }>(a: T, b: T): number {
  return b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime();
}
