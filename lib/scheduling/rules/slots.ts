/**
 * Slot checking and the slot finder.
 *
 * Buffer rule (what a clinic expects): the appointment itself must lie inside the therapist's
 * working hours; the buffer after it (notes, resetting the room) must not overlap any other
 * booking of the therapist or of the room, but it may run past the end of the working block —
 * a 16:00–17:00 appointment is bookable in a 09:00–17:00 day even with a 15-minute buffer, the
 * notes are written after closing. The buffer occupies the therapist and the room alike.
 *
 * Busy intervals passed in must already include each existing booking's own buffer
 * (see {@link occupiedInterval}), so a new appointment cannot start inside it.
 *
 * Both the finder and the series check go through {@link checkSlot}'s rules, so a slot the
 * finder offers is always one the check accepts.
 */
import { addMinutes } from "date-fns";
import { containedIn, normalize, overlapsAny, type TimeInterval } from "./intervals";
import { assertTimeZone, wallMinutesOf } from "@/lib/format/zoned";

export interface AppointmentTiming {
  durationMin: number;
  bufferAfterMin: number;
}

export interface TherapistSchedule {
  id: string;
  /** Working time (from expandAvailability). */
  availability: readonly TimeInterval[];
  /** Existing bookings, each including its buffer after. */
  busy: readonly TimeInterval[];
}

export interface RoomSchedule {
  id: string;
  busy: readonly TimeInterval[];
}

export interface Slot {
  start: Date;
  /** End of the appointment itself; the buffer runs from here. */
  end: Date;
  therapistId: string;
  /** null when the appointment type needs no room. */
  roomId: string | null;
}

export type SlotConflictCode = "too_soon" | "outside_hours" | "therapist_busy" | "room_unavailable";

export type SlotCheck = { ok: true; roomId: string | null } | { ok: false; code: SlotConflictCode };

export const SLOT_CONFLICT_MESSAGES: Record<SlotConflictCode, string> = {
  too_soon: "Too soon: inside the minimum booking notice.",
  outside_hours: "Outside the therapist's working hours.",
  therapist_busy: "The therapist has another booking then (including the buffer after it).",
  room_unavailable: "No treatment room is free then (including the buffer after it).",
};

/** The time a booking occupies: the appointment plus its buffer after. Store this as "busy". */
export function occupiedInterval(start: Date, timing: AppointmentTiming): TimeInterval {
  return { start, end: addMinutes(start, timing.durationMin + timing.bufferAfterMin) };
}

function assertTiming(timing: AppointmentTiming): void {
  if (!Number.isInteger(timing.durationMin) || timing.durationMin <= 0)
    throw new RangeError("durationMin must be a positive whole number.");
  if (!Number.isInteger(timing.bufferAfterMin) || timing.bufferAfterMin < 0)
    throw new RangeError("bufferAfterMin must be a whole number ≥ 0.");
}

interface Prepared {
  timing: AppointmentTiming;
  therapist: { id: string; availability: TimeInterval[]; busy: TimeInterval[] };
  rooms: { id: string; busy: TimeInterval[] }[] | null;
  earliestStart: number;
}

function prepare(
  timing: AppointmentTiming,
  therapist: TherapistSchedule,
  rooms: readonly RoomSchedule[] | null,
  earliestStart?: Date,
): Prepared {
  assertTiming(timing);
  return {
    timing,
    therapist: { id: therapist.id, availability: normalize(therapist.availability), busy: normalize(therapist.busy) },
    rooms: rooms && rooms.map((r) => ({ id: r.id, busy: normalize(r.busy) })),
    earliestStart: earliestStart?.getTime() ?? Number.NEGATIVE_INFINITY,
  };
}

function checkPrepared(start: Date, p: Prepared): SlotCheck {
  if (start.getTime() < p.earliestStart) return { ok: false, code: "too_soon" };
  const appointment = { start, end: addMinutes(start, p.timing.durationMin) };
  if (!containedIn(p.therapist.availability, appointment)) return { ok: false, code: "outside_hours" };
  const occupied = occupiedInterval(start, p.timing);
  if (overlapsAny(p.therapist.busy, occupied)) return { ok: false, code: "therapist_busy" };
  if (p.rooms === null) return { ok: true, roomId: null };
  // Rooms are tried in the order given, so callers express preference by ordering them.
  const room = p.rooms.find((r) => !overlapsAny(r.busy, occupied));
  return room ? { ok: true, roomId: room.id } : { ok: false, code: "room_unavailable" };
}

export interface CheckSlotOptions {
  type: AppointmentTiming;
  therapist: TherapistSchedule;
  /** null = this appointment type needs no room; [] = it needs one and none exists. */
  rooms: readonly RoomSchedule[] | null;
  earliestStart?: Date;
}

/** A reusable check for one therapist's diary; lists are normalized once, not per call. */
export function createSlotChecker(options: CheckSlotOptions): (start: Date) => SlotCheck {
  const prepared = prepare(options.type, options.therapist, options.rooms, options.earliestStart);
  return (start) => checkPrepared(start, prepared);
}

/** Whether one appointment can start at `start`, and in which room; or the first reason it cannot. */
export function checkSlot(start: Date, options: CheckSlotOptions): SlotCheck {
  return createSlotChecker(options)(start);
}

/** The first instant ≥ `at` (rounded up to a whole minute) whose local wall-clock time is on the step grid. */
export function alignToStep(at: Date, stepMin: number, timeZone: string): Date {
  let t = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  // Walks forward in real time and re-reads the wall clock each time, so a DST jump inside the
  // step cannot leave the result off the local grid. Each turn moves forward; it ends within a few turns.
  for (;;) {
    const offGrid = wallMinutesOf(t, timeZone) % stepMin;
    if (offGrid === 0) return t;
    t = addMinutes(t, stepMin - offGrid);
  }
}

export interface FindSlotsOptions {
  type: AppointmentTiming;
  /** Candidates in order of preference; pass one therapist to search only their diary. */
  therapists: readonly TherapistSchedule[];
  /** null = no room needed. */
  rooms: readonly RoomSchedule[] | null;
  /** Slots start at or after this instant … */
  from: Date;
  /** … and before this one. Defaults to the end of the latest availability interval. */
  to?: Date;
  /** Grid for start times, in minutes from local midnight (15 → :00, :15, :30, :45 on the clinic's clocks). */
  stepMin?: number;
  /** E.g. now + minimum notice; no slot starts earlier. */
  earliestStart?: Date;
  limit?: number;
  timeZone: string;
  /** One slot per start time (the first therapist in preference order), for "any therapist" pickers. */
  distinctStarts?: boolean;
}

function slotsForTherapist(
  p: Prepared,
  from: number,
  to: number,
  stepMin: number,
  timeZone: string,
  limit: number,
): Slot[] {
  const out: Slot[] = [];
  const first = Math.max(from, p.earliestStart);
  for (const free of p.therapist.availability) {
    if (free.end.getTime() <= first) continue;
    if (free.start.getTime() >= to) break;
    const lastStart = Math.min(to - 1, free.end.getTime() - p.timing.durationMin * 60_000);
    let t = alignToStep(new Date(Math.max(first, free.start.getTime())), stepMin, timeZone);
    while (t.getTime() <= lastStart) {
      const check = checkPrepared(t, p);
      if (check.ok) {
        out.push({
          start: t,
          end: addMinutes(t, p.timing.durationMin),
          therapistId: p.therapist.id,
          roomId: check.roomId,
        });
        if (out.length >= limit) return out;
      }
      t = alignToStep(addMinutes(t, 1), stepMin, timeZone);
    }
  }
  return out;
}

/**
 * The next free slots for an appointment type, ordered by start time, then by therapist
 * preference. Honours working hours and exceptions (via `availability`), existing bookings and
 * their buffers (via `busy`), the new appointment's own buffer, rooms and the minimum notice.
 */
export function findSlots(options: FindSlotsOptions): Slot[] {
  const {
    type,
    therapists,
    rooms,
    from,
    stepMin = 15,
    earliestStart,
    limit = 10,
    timeZone,
    distinctStarts = false,
  } = options;
  assertTimeZone(timeZone);
  if (!Number.isInteger(stepMin) || stepMin < 1 || stepMin > 24 * 60)
    throw new RangeError("stepMin must be a whole number of minutes from 1 to 1440.");
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive whole number.");

  const prepared = therapists.map((t) => prepare(type, t, rooms, earliestStart));
  const latestEnd = Math.max(
    Number.NEGATIVE_INFINITY,
    ...prepared.map((p) => p.therapist.availability.at(-1)?.end.getTime() ?? Number.NEGATIVE_INFINITY),
  );
  const to = options.to?.getTime() ?? latestEnd;

  // Each therapist's first `limit` slots are enough: any slot among the overall first `limit`
  // (even counting distinct starts only) is among its own therapist's first `limit`.
  const rank = new Map(therapists.map((t, i) => [t.id, i]));
  const all = prepared
    .flatMap((p) => slotsForTherapist(p, from.getTime(), to, stepMin, timeZone, limit))
    .sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() || (rank.get(a.therapistId) ?? 0) - (rank.get(b.therapistId) ?? 0),
    );

  const seen = new Set<number>();
  const out: Slot[] = [];
  for (const slot of all) {
    if (distinctStarts && seen.has(slot.start.getTime())) continue;
    seen.add(slot.start.getTime());
    out.push(slot);
    if (out.length >= limit) break;
  }
  return out;
}
