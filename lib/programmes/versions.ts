/*
 * Which version of a programme is in force on a clinic-local day, and the programme's status.
 * Same rule as adherence.ts: a version runs from its startDate until the day before the next
 * version's startDate, or its own endDate if earlier; on a shared startDate the higher number wins.
 * Dates are YYYY-MM-DD strings, which compare correctly as text.
 */

export interface VersionDates {
  version: number;
  startDate: string;
  endDate: string | null;
}

function byStart<V extends VersionDates>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.version - b.version);
}

/** The version in force on `day`, or undefined (not started, superseded into a gap, or ended). */
export function versionInForce<V extends VersionDates>(versions: readonly V[], day: string): V | undefined {
  let current: V | undefined;
  for (const v of byStart(versions)) if (v.startDate <= day) current = v;
  return current && (!current.endDate || day <= current.endDate) ? current : undefined;
}

/** The last day each version was (or will be) in force; null = open-ended. */
export function lastDayOf<V extends VersionDates>(versions: readonly V[], version: number): string | null {
  const sorted = byStart(versions);
  const i = sorted.findIndex((v) => v.version === version);
  const v = sorted[i];
  if (!v) return null;
  const next = sorted[i + 1];
  const dayBeforeNext = next ? previousDay(next.startDate) : null;
  if (dayBeforeNext && (!v.endDate || dayBeforeNext < v.endDate)) return dayBeforeNext;
  return v.endDate;
}

export type ProgrammeStatus = "scheduled" | "active" | "ended";

/**
 * Ended once a therapist ends it or its last version's end date has passed; scheduled while its
 * first version starts in the future. An ended programme stays visible to the client through its
 * last day (the end date is inclusive), so "ended today" still shows today's exercises.
 */
export function programmeStatus(
  versions: readonly VersionDates[],
  endedAt: Date | null,
  today: string,
): ProgrammeStatus {
  const latest = [...versions].sort((a, b) => b.version - a.version)[0];
  if (endedAt || !latest || (latest.endDate !== null && latest.endDate < today)) return "ended";
  const first = byStart(versions)[0]!;
  return first.startDate > today ? "scheduled" : "active";
}

/** The calendar day before a YYYY-MM-DD date (zone-independent calendar arithmetic). */
export function previousDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
