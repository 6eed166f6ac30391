/**
 * Checking one series session, or an alternative for it, against a loaded diary, and naming
 * what is in the way: another appointment (whose, when), time off, working hours, the room,
 * or the client's own other appointment. Pure: the same code runs for the preview and, inside
 * the booking transaction, for the final check.
 */
import { addMinutes } from "date-fns";
import { overlaps, type TimeInterval } from "@/lib/scheduling/rules/intervals";
import {
  checkSlot,
  findSlots,
  occupiedInterval,
  type RoomSchedule,
  type Slot,
  type TherapistSchedule,
} from "@/lib/scheduling/rules/slots";
import { addLocalDays, localDateOf, zonedInstant } from "@/lib/format/zoned";
import { clinicFormat } from "@/lib/format/clinic-format";
import type { SeriesDiary, TherapistDiary } from "./series-diary";
import type { ConflictCode, SeriesAlternative } from "./series-schemas";

/** A session already accepted in this check (its room assigned), which later ones must avoid. */
export interface Planned {
  start: Date;
  therapistId: string;
  roomId: string | null;
}

export interface Candidate {
  start: Date;
  therapistId: string;
  /** A specific room, or null for any free one. */
  roomId: string | null;
}

export type CandidateCheck = { ok: true; roomId: string | null } | { ok: false; code: ConflictCode; reason: string };

const busyOf = (b: { start: Date; blocksUntil: Date }): TimeInterval => ({ start: b.start, end: b.blocksUntil });

function therapistSchedule(diary: SeriesDiary, t: TherapistDiary, planned: readonly Planned[]): TherapistSchedule {
  return {
    id: t.id,
    availability: t.availability,
    busy: [
      ...t.bookings.map(busyOf),
      ...planned.filter((p) => p.therapistId === t.id).map((p) => occupiedInterval(p.start, diary.type)),
    ],
  };
}

/** Rooms as the slot check wants them; a preferred room is tried first. null when the type needs none. */
function roomSchedules(
  diary: SeriesDiary,
  planned: readonly Planned[],
  only: string | null,
  preferred: string | null = null,
): RoomSchedule[] | null {
  if (!diary.type.needsRoom) return null;
  const list = only
    ? diary.rooms.filter((r) => r.id === only)
    : [...diary.rooms].sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  return list.map((r) => ({
    id: r.id,
    busy: [
      ...r.bookings.map(busyOf),
      ...planned.filter((p) => p.roomId === r.id).map((p) => occupiedInterval(p.start, diary.type)),
    ],
  }));
}

const appointmentOf = (diary: SeriesDiary, start: Date): TimeInterval => ({
  start,
  end: addMinutes(start, diary.type.durationMin),
});

/** The client cannot be in two places: their other appointments (without buffers) and this series' sessions. */
function clientClash(diary: SeriesDiary, at: TimeInterval, planned: readonly Planned[]) {
  const booking = diary.clientBookings.find((b) => overlaps({ start: b.start, end: b.end }, at));
  if (booking) return { booking };
  const session = planned.find((p) => overlaps(appointmentOf(diary, p.start), at));
  return session ? { session } : null;
}

function span(diary: SeriesDiary, start: Date, end: Date) {
  return clinicFormat({ locale: diary.locale, timeZone: diary.timeZone }).timeRange(start, end);
}

function describe(
  diary: SeriesDiary,
  code: "too_soon" | "outside_hours" | "therapist_busy" | "room_unavailable",
  c: Candidate,
): { code: ConflictCode; reason: string } {
  const t = diary.therapists.get(c.therapistId)!;
  const at = appointmentOf(diary, c.start);
  const occupied = occupiedInterval(c.start, diary.type);
  switch (code) {
    case "too_soon":
      return { code, reason: "This time has already passed." };
    case "outside_hours": {
      const off = t.timeOff.find((o) => overlaps(o.interval, at));
      if (off) return { code: "time_off", reason: `${t.name} has time off${off.note ? ` (${off.note})` : ""}.` };
      return { code, reason: `Outside ${t.name}'s working hours.` };
    }
    case "therapist_busy": {
      const other = t.bookings.find((b) => overlaps(busyOf(b), occupied));
      if (other)
        return { code, reason: `${t.name} is booked ${span(diary, other.start, other.end)} with ${other.clientName}.` };
      return { code, reason: `${t.name} has another session of this series then.` };
    }
    case "room_unavailable": {
      if (diary.rooms.length === 0) return { code, reason: "This type needs a room and the clinic has none set up." };
      const room = c.roomId ? diary.rooms.find((r) => r.id === c.roomId) : undefined;
      const other = room?.bookings.find((b) => overlaps(busyOf(b), occupied));
      if (room && other)
        return {
          code,
          reason: `${room.name} is booked ${span(diary, other.start, other.end)} (${diary.staffNames.get(other.therapistId) ?? "another therapist"}).`,
        };
      if (room) return { code, reason: `${room.name} is taken by another session of this series.` };
      return { code, reason: `No room is free then: all ${diary.rooms.length} rooms are booked.` };
    }
  }
}

/**
 * Whether the client can be booked at `c`: inside the therapist's hours, clear of their other
 * bookings and buffers, with a free room when the type needs one, and with the client free.
 */
export function checkCandidate(
  diary: SeriesDiary,
  c: Candidate,
  planned: readonly Planned[],
  earliestStart: Date,
): CandidateCheck {
  const t = diary.therapists.get(c.therapistId);
  if (!t) return { ok: false, code: "outside_hours", reason: "This therapist does not offer this appointment type." };
  const result = checkSlot(c.start, {
    type: diary.type,
    therapist: therapistSchedule(diary, t, planned),
    rooms: roomSchedules(diary, planned, c.roomId),
    earliestStart,
  });
  if (!result.ok) return { ok: false, ...describe(diary, result.code, c) };
  const clash = clientClash(diary, appointmentOf(diary, c.start), planned);
  if (clash?.booking) {
    const b = clash.booking;
    return {
      ok: false,
      code: "client_busy",
      reason: `${diary.client.name} already has an appointment ${span(diary, b.start, b.end)} with ${diary.staffNames.get(b.therapistId) ?? "another therapist"}.`,
    };
  }
  if (clash)
    return { ok: false, code: "client_busy", reason: `${diary.client.name} has another session of this series then.` };
  return result;
}

export interface AlternativesOptions {
  seriesTherapistId: string;
  preferredRoomId: string | null;
  earliestStart: Date;
  limit?: number;
  /** Other days are looked at this many local days either side (default 3), with the series' therapist. */
  searchDays?: number;
  /** False for a therapist, who books only into their own diary: colleagues are not offered. */
  otherTherapists?: boolean;
}

/**
 * Up to `limit` free slots for a conflicting session, listed in time order. Chosen in this
 * order: the same therapist at another time that day, or another therapist who offers the type
 * at the very same time (nearest to the original time first); then other therapists at other
 * times that day; then, if the day has too few, nearby days with the same therapist.
 */
export function alternativesFor(
  diary: SeriesDiary,
  start: Date,
  planned: readonly Planned[],
  options: AlternativesOptions,
): SeriesAlternative[] {
  const {
    seriesTherapistId,
    preferredRoomId,
    earliestStart,
    limit = 3,
    searchDays = 3,
    otherTherapists = true,
  } = options;
  const series = diary.therapists.get(seriesTherapistId);
  if (!series) return [];
  const tz = diary.timeZone;
  const day = localDateOf(start, tz);
  const target = start.getTime();
  const rooms = roomSchedules(diary, planned, null, preferredRoomId);
  const clientFree = (s: Slot) => !clientClash(diary, { start: s.start, end: s.end }, planned);
  // What a front desk offers first: the client keeps their therapist, or keeps their time.
  const tier = (s: Slot) => (s.therapistId === seriesTherapistId || s.start.getTime() === target ? 0 : 1);
  const byDistance = (a: Slot, b: Slot) =>
    tier(a) - tier(b) ||
    Math.abs(a.start.getTime() - target) - Math.abs(b.start.getTime() - target) ||
    Number(b.therapistId === seriesTherapistId) - Number(a.therapistId === seriesTherapistId) ||
    a.start.getTime() - b.start.getTime();
  const search = (therapists: TherapistDiary[], from: Date, to: Date) =>
    findSlots({
      type: diary.type,
      therapists: therapists.map((t) => therapistSchedule(diary, t, planned)),
      rooms,
      from,
      to,
      earliestStart,
      // Every grid point of the window, so "nearest" is chosen from all of them.
      limit: 10_000,
      timeZone: tz,
    }).filter(clientFree);

  const colleagues = otherTherapists ? [...diary.therapists.values()].filter((t) => t.id !== series.id) : [];
  const sameDay = search([series, ...colleagues], zonedInstant(day, 0, tz), zonedInstant(addLocalDays(day, 1), 0, tz))
    .sort(byDistance)
    .slice(0, limit);
  const picked = [...sameDay];
  if (picked.length < limit) {
    const nearby = search(
      [series],
      zonedInstant(addLocalDays(day, -searchDays), 0, tz),
      zonedInstant(addLocalDays(day, searchDays + 1), 0, tz),
    )
      .filter((s) => localDateOf(s.start, tz) !== day)
      .sort(byDistance);
    picked.push(...nearby.slice(0, limit - picked.length));
  }
  const roomName = new Map(diary.rooms.map((r) => [r.id, r.name]));
  picked.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      Number(b.therapistId === seriesTherapistId) - Number(a.therapistId === seriesTherapistId),
  );
  return picked.map((s) => ({
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    therapistId: s.therapistId,
    therapistName: diary.therapists.get(s.therapistId)?.name ?? "",
    roomId: s.roomId,
    roomName: s.roomId ? (roomName.get(s.roomId) ?? null) : null,
    sameDay: localDateOf(s.start, tz) === day,
  }));
}
