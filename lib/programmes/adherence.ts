import { TZDate } from "@date-fns/tz";
import { isValid } from "date-fns";
import { addLocalDays, isoWeekdayOf } from "@/lib/format/zoned";

/*
 * Adherence = completed sessions / prescribed sessions (domain README §9), per ISO week (Monday
 * start) in the clinic's time zone, per exercise and overall.
 *
 * Decisions:
 * - A session is one sitting of one exercise (all its sets). Prescribed sessions for a day are the
 *   item's sessionsPerDay when that ISO weekday is among its daysOfWeek. (The README's "sets ×
 *   frequency" would need per-set logging, which the diary does not have.)
 * - Dates are clinic-local calendar days; every day/week boundary is computed by date-fns in the
 *   clinic's IANA zone (@date-fns/tz), so DST days of 23 or 25 hours need no special handling.
 * - A version is in force from its startDate until the day before the next version's startDate, or
 *   its own endDate if earlier. On a shared startDate the higher version number wins.
 * - Credit is capped per exercise per week at that week's prescription: extra sessions neither push a
 *   week above 100% nor make up for a different exercise. They are counted as `uncredited`. A make-up
 *   session on another day of the same week does count, which matches how clients actually catch up,
 *   but only on days when the exercise is in the version in force.
 * - A week with nothing prescribed has ratio null ("nothing to do"), never 0% or NaN.
 * - The range [from, to] is inclusive; weeks cut by it are marked partial and only count days inside it.
 *   Pass `to` = yesterday to leave out the day in progress.
 */

export interface AdherenceItem {
  exerciseId: string;
  sessionsPerDay: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  daysOfWeek: readonly number[];
}

export interface ProgrammeVersionInput {
  version: number;
  /** Clinic-local date, YYYY-MM-DD. */
  startDate: string;
  /** Inclusive clinic-local date; null/absent = open-ended (until superseded). */
  endDate?: string | null;
  items: readonly AdherenceItem[];
}

export interface CompletionRecord {
  exerciseId: string;
  /** The instant the session was logged: a Date or an ISO string with an offset. */
  completedAt: Date | string;
}

export interface AdherenceOptions {
  timeZone: string;
  from: string;
  to: string;
  /** Weeks below this ratio are marked `low` (README §9: flag < 50%). */
  lowThreshold?: number;
}

export interface Tally {
  prescribed: number;
  completed: number;
  ratio: number | null;
}

export interface WeekAdherence extends Tally {
  /** Monday of the ISO week, YYYY-MM-DD. */
  weekStart: string;
  isoWeek: string;
  /** First and last days of this week inside the range. */
  firstDay: string;
  lastDay: string;
  partial: boolean;
  low: boolean;
  uncredited: number;
  byExercise: Record<string, Tally>;
}

export interface AdherenceReport extends Tally {
  weeks: WeekAdherence[];
  byExercise: Record<string, Tally>;
  /** Completions outside the range, or beyond / without a prescription. */
  uncredited: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a real calendar date in the form YYYY-MM-DD (calendar validity does not depend on the zone). */
function localDate(value: string, label: string): string {
  const ms = DATE_ONLY.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new RangeError(`${label} must be a real date in the form YYYY-MM-DD (got “${value}”).`);
  return value;
}

const knownZones = new Set<string>();

function assertZone(zone: string): void {
  if (knownZones.has(zone)) return;
  // An empty name would silently fall back to the server's zone, which is exactly the bug to avoid.
  if (!zone || !isValid(new TZDate(0, zone)))
    throw new RangeError(`Unknown time zone “${zone}”; use an IANA name such as Europe/London.`);
  knownZones.add(zone);
}

const ratio = (completed: number, prescribed: number): number | null =>
  prescribed > 0 ? completed / prescribed : null;
const tally = (prescribed: number, completed: number): Tally => ({
  prescribed,
  completed,
  ratio: ratio(completed, prescribed),
});

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The clinic-local calendar day (YYYY-MM-DD) of an instant, with one cached formatter per zone. */
export function localDayOf(ms: number, zone: string): string {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "2026-W49": the ISO week-numbering year and week of a calendar date (the week of its Thursday). */
export function isoWeekLabel(date: string): string {
  const thursday = addLocalDays(date, 4 - isoWeekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, "0")}`;
}

/** The version in force on a clinic-local day (YYYY-MM-DD strings compare correctly as text). */
function versionOn(day: string, sorted: readonly ProgrammeVersionInput[]): ProgrammeVersionInput | undefined {
  let current: ProgrammeVersionInput | undefined;
  for (const v of sorted) if (v.startDate <= day) current = v;
  return current && (!current.endDate || day <= current.endDate) ? current : undefined;
}

interface WeekAcc {
  weekStart: string;
  isoWeek: string;
  days: string[];
  prescribed: Map<string, number>;
  logged: Map<string, number>;
}

/** Adherence of one programme (all its versions) over an inclusive range of clinic-local dates. */
export function programmeAdherence(
  versions: readonly ProgrammeVersionInput[],
  completions: readonly CompletionRecord[],
  options: AdherenceOptions,
): AdherenceReport {
  const zone = options.timeZone;
  assertZone(zone);
  const from = localDate(options.from, "from");
  const to = localDate(options.to, "to");
  if (from > to) throw new RangeError("from must not be after to.");
  for (const v of versions) {
    localDate(v.startDate, `Version ${v.version} startDate`);
    if (v.endDate) localDate(v.endDate, `Version ${v.version} endDate`);
  }
  const sorted = [...versions].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.version - b.version);

  const weeks = new Map<string, WeekAcc>();
  const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

  // Calendar days, weekdays and ISO weeks of clinic-local dates do not depend on the zone: plain date
  // arithmetic gives the same days as iterating in the zone (a DST day is still one day) at a fraction
  // of the cost; the zone is needed only to put each tick-off's instant on its local day.
  const fromKey = from;
  const toKey = to;
  for (let key = fromKey; key <= toKey; key = addLocalDays(key, 1)) {
    const isoDay = isoWeekdayOf(key);
    const weekStart = addLocalDays(key, 1 - isoDay);
    let week = weeks.get(weekStart);
    if (!week) {
      week = { weekStart, isoWeek: isoWeekLabel(key), days: [], prescribed: new Map(), logged: new Map() };
      weeks.set(weekStart, week);
    }
    week.days.push(key);
    for (const item of versionOn(key, sorted)?.items ?? []) {
      if (item.daysOfWeek.includes(isoDay)) bump(week.prescribed, item.exerciseId, item.sessionsPerDay);
    }
  }

  let uncredited = 0;
  for (const c of completions) {
    const ms = c.completedAt instanceof Date ? c.completedAt.getTime() : Date.parse(c.completedAt);
    if (!Number.isFinite(ms))
      throw new RangeError(`Completion time “${String(c.completedAt)}” is not a valid instant.`);
    const day = localDayOf(ms, zone);
    const week = weeks.get(addLocalDays(day, 1 - isoWeekdayOf(day)));
    // Only sessions of an exercise in force that day count (not one logged before it was prescribed).
    const inForce = versionOn(day, sorted)?.items.some((i) => i.exerciseId === c.exerciseId) ?? false;
    if (day < fromKey || day > toKey || !week || !inForce) uncredited += 1;
    else bump(week.logged, c.exerciseId, 1);
  }

  const totals = new Map<string, { prescribed: number; completed: number }>();
  const weekReports: WeekAdherence[] = [...weeks.values()].map((w) => {
    const byExercise: Record<string, Tally> = {};
    let prescribed = 0;
    let completed = 0;
    let extra = 0;
    for (const id of new Set([...w.prescribed.keys(), ...w.logged.keys()])) {
      const p = w.prescribed.get(id) ?? 0;
      const logged = w.logged.get(id) ?? 0;
      const credited = Math.min(logged, p);
      extra += logged - credited;
      if (p > 0) byExercise[id] = tally(p, credited);
      prescribed += p;
      completed += credited;
      const t = totals.get(id) ?? { prescribed: 0, completed: 0 };
      totals.set(id, { prescribed: t.prescribed + p, completed: t.completed + credited });
    }
    uncredited += extra;
    const r = ratio(completed, prescribed);
    return {
      weekStart: w.weekStart,
      isoWeek: w.isoWeek,
      firstDay: w.days[0] ?? w.weekStart,
      lastDay: w.days[w.days.length - 1] ?? w.weekStart,
      partial: w.days.length < 7,
      prescribed,
      completed,
      ratio: r,
      low: r !== null && r < (options.lowThreshold ?? 0.5),
      uncredited: extra,
      byExercise,
    };
  });

  const prescribed = weekReports.reduce((s, w) => s + w.prescribed, 0);
  const completed = weekReports.reduce((s, w) => s + w.completed, 0);
  const byExercise: Record<string, Tally> = {};
  for (const [id, t] of totals) if (t.prescribed > 0) byExercise[id] = tally(t.prescribed, t.completed);
  return { weeks: weekReports, prescribed, completed, ratio: ratio(completed, prescribed), byExercise, uncredited };
}

/**
 * Per-client adherence: the client's programme reports (same range and zone) merged week by week.
 * Tallies are summed before dividing, so a programme with many sessions weighs more than a small one.
 */
export function combineAdherence(reports: readonly AdherenceReport[], lowThreshold = 0.5): AdherenceReport {
  const weeks = new Map<string, WeekAdherence>();
  const sum = (a: Record<string, Tally>, b: Record<string, Tally>) => {
    for (const [id, t] of Object.entries(b)) {
      const prev = a[id];
      a[id] = tally((prev?.prescribed ?? 0) + t.prescribed, (prev?.completed ?? 0) + t.completed);
    }
  };
  for (const w of reports.flatMap((r) => r.weeks)) {
    const prev = weeks.get(w.weekStart);
    if (!prev) {
      weeks.set(w.weekStart, { ...w, byExercise: { ...w.byExercise } });
      continue;
    }
    const prescribed = prev.prescribed + w.prescribed;
    const completed = prev.completed + w.completed;
    sum(prev.byExercise, w.byExercise);
    weeks.set(w.weekStart, {
      ...prev,
      firstDay: w.firstDay < prev.firstDay ? w.firstDay : prev.firstDay,
      lastDay: w.lastDay > prev.lastDay ? w.lastDay : prev.lastDay,
      partial: prev.partial || w.partial,
      prescribed,
      completed,
      ratio: ratio(completed, prescribed),
      uncredited: prev.uncredited + w.uncredited,
    });
  }
  const merged = [...weeks.values()]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .map((w) => ({ ...w, low: w.ratio !== null && w.ratio < lowThreshold }));
  const byExercise: Record<string, Tally> = {};
  for (const r of reports) sum(byExercise, r.byExercise);
  const prescribed = merged.reduce((s, w) => s + w.prescribed, 0);
  const completed = merged.reduce((s, w) => s + w.completed, 0);
  return {
    weeks: merged,
    prescribed,
    completed,
    ratio: ratio(completed, prescribed),
    byExercise,
    uncredited: reports.reduce((s, r) => s + r.uncredited, 0),
  };
}
