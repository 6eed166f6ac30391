/**
 * Conflict report for a series: every occurrence is checked — a clash in week 40 matters as
 * much as one in week 2 — and each clashing one comes with nearby alternatives for the admin.
 */
import { addLocalDays, localDateOf, zonedInstant } from "@/lib/format/zoned";
import type { Occurrence } from "./recurrence";
import {
  createSlotChecker,
  findSlots,
  occupiedInterval,
  SLOT_CONFLICT_MESSAGES,
  type AppointmentTiming,
  type RoomSchedule,
  type Slot,
  type SlotCheck,
  type SlotConflictCode,
  type TherapistSchedule,
} from "./slots";

export interface SeriesConflict<O extends Occurrence = Occurrence> {
  occurrence: O;
  code: SlotConflictCode;
  reason: string;
  alternatives: Slot[];
}

export interface SeriesReport<O extends Occurrence = Occurrence> {
  ok: { occurrence: O; roomId: string | null }[];
  conflicts: SeriesConflict<O>[];
}

export interface SeriesCheckHooks<O extends Occurrence = Occurrence> {
  check(occurrence: O): SlotCheck;
  /** `booked`: the occurrences that passed, so alternatives never collide with the series itself. */
  alternatives(occurrence: O, booked: readonly O[]): Slot[];
}

/** Checks all occurrences, then asks for alternatives for each one that conflicts. */
export function checkSeries<O extends Occurrence>(
  occurrences: readonly O[],
  hooks: SeriesCheckHooks<O>,
): SeriesReport<O> {
  const ok: SeriesReport<O>["ok"] = [];
  const failed: { occurrence: O; code: SlotConflictCode }[] = [];
  for (const occurrence of occurrences) {
    const result = hooks.check(occurrence);
    if (result.ok) ok.push({ occurrence, roomId: result.roomId });
    else failed.push({ occurrence, code: result.code });
  }
  const booked = ok.map((o) => o.occurrence);
  const conflicts = failed.map(({ occurrence, code }) => ({
    occurrence,
    code,
    reason: SLOT_CONFLICT_MESSAGES[code],
    alternatives: hooks.alternatives(occurrence, booked),
  }));
  return { ok, conflicts };
}

export interface ScheduleSeriesOptions {
  type: AppointmentTiming;
  /** The series' therapist; availability and busy must cover the series ± `searchDays`. */
  therapist: TherapistSchedule;
  rooms: readonly RoomSchedule[] | null;
  timeZone: string;
  earliestStart?: Date;
  stepMin?: number;
  /** Alternatives offered per conflict (default 3). */
  alternativesLimit?: number;
  /** Alternatives are looked for this many local days either side of the conflicting date (default 3). */
  searchDays?: number;
}

/** The instants a caller must load availability and bookings for before checking a series. */
export function seriesSearchWindow(
  occurrences: readonly Occurrence[],
  timeZone: string,
  searchDays = 3,
): { from: Date; to: Date } | null {
  const first = occurrences[0];
  const last = occurrences.at(-1);
  if (!first || !last) return null;
  return {
    from: zonedInstant(addLocalDays(localDateOf(first.start, timeZone), -searchDays), 0, timeZone),
    to: zonedInstant(addLocalDays(localDateOf(last.end, timeZone), searchDays + 1), 0, timeZone),
  };
}

/**
 * Checks a series against one therapist's diary and the rooms. Alternatives are the free slots
 * within `searchDays` local days of the clashing session, nearest to its original time first
 * (earlier wins a tie), skipping times the rest of the series already takes.
 */
export function checkSeriesAgainstSchedule<O extends Occurrence>(
  occurrences: readonly O[],
  options: ScheduleSeriesOptions,
): SeriesReport<O> {
  const { type, therapist, rooms, timeZone, earliestStart, stepMin, alternativesLimit = 3, searchDays = 3 } = options;
  const check = createSlotChecker({ type, therapist, rooms, earliestStart });
  return checkSeries(occurrences, {
    check: (occurrence) => check(occurrence.start),
    alternatives(occurrence, booked) {
      const day = localDateOf(occurrence.start, timeZone);
      const seriesBusy = booked.map((o) => occupiedInterval(o.start, type));
      const slots = findSlots({
        type,
        therapists: [{ ...therapist, busy: [...therapist.busy, ...seriesBusy] }],
        rooms,
        from: zonedInstant(addLocalDays(day, -searchDays), 0, timeZone),
        to: zonedInstant(addLocalDays(day, searchDays + 1), 0, timeZone),
        stepMin,
        earliestStart,
        // Enough to hold every grid point of the window, so "nearest" is chosen from all of them.
        limit: 10_000,
        timeZone,
      });
      const target = occurrence.start.getTime();
      const distance = (s: Slot) => Math.abs(s.start.getTime() - target);
      return slots
        .sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime())
        .slice(0, alternativesLimit);
    },
  });
}
