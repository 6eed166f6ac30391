/**
 * The calendar's geometry, in the clinic's zone: which columns, which hours, where each block
 * sits. Pure functions, so the grid, the drag code and the dialogs agree on every number.
 */
import type { AppointmentView, CalendarRange } from "@/lib/scheduling/appointments/calendar-schemas";
import {
  addLocalDays,
  isoWeekdayOf,
  localDateOf,
  parseWallTime,
  wallMinutesOf,
  zonedInstant,
} from "@/lib/format/zoned";

export type View = "day" | "week";
export const SNAP_MIN = 15;
/** 18 px per quarter hour: a 30-minute appointment has room for two lines of text. */
export const PX_PER_MIN = 1.2;

export interface OpeningBlock {
  weekday: number;
  start: string;
  end: string;
}

export interface Column {
  key: string;
  therapistId: string;
  date: string;
  label: string;
  sublabel?: string;
}

export const snap = (min: number) => Math.round(min / SNAP_MIN) * SNAP_MIN;
export const mondayOf = (date: string) => addLocalDays(date, 1 - isoWeekdayOf(date));
export const todayIn = (timeZone: string) => localDateOf(new Date(), timeZone);

/** The dates a view covers: one day, or the week's days the clinic opens (plus any with bookings). */
export function datesOf(
  view: View,
  date: string,
  opening: OpeningBlock[],
  appointments: AppointmentView[],
  timeZone: string,
): string[] {
  if (view === "day") return [date];
  const monday = mondayOf(date);
  const all = Array.from({ length: 7 }, (_, i) => addLocalDays(monday, i));
  if (opening.length === 0) return all;
  const booked = new Set(appointments.map((a) => localDateOf(new Date(a.startsAt), timeZone)));
  return all.filter((d) => opening.some((o) => o.weekday === isoWeekdayOf(d)) || booked.has(d));
}

/** Grid hours: the clinic's opening hours on those days (07:00–20:00 if unset), widened to fit every booking. */
export function gridBounds(
  dates: string[],
  opening: OpeningBlock[],
  appointments: AppointmentView[],
  timeZone: string,
) {
  const weekdays = new Set(dates.map(isoWeekdayOf));
  const open = opening.filter((o) => weekdays.has(o.weekday));
  let start = open.length ? Math.min(...open.map((o) => parseWallTime(o.start))) : 7 * 60;
  let end = open.length ? Math.max(...open.map((o) => parseWallTime(o.end))) : 20 * 60;
  for (const a of appointments) {
    const s = wallMinutesOf(new Date(a.startsAt), timeZone);
    start = Math.min(start, s);
    end = Math.max(end, Math.min(24 * 60, s + minutesBetween(a.startsAt, a.endsAt)));
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}

export const minutesBetween = (from: string, to: string) =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000);

/** The instant at `minutes` past local midnight of `date`, as ISO. */
export const instantAt = (date: string, minutes: number, timeZone: string) =>
  zonedInstant(date, minutes, timeZone).toISOString();

/** Where a block sits in its column, with lanes for the rare overlap (a no-show beside its rebooking). */
export function placeBlocks(items: AppointmentView[], timeZone: string) {
  const sorted = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const lanesEnd: number[] = [];
  const placed = sorted.map((a) => {
    const start = wallMinutesOf(new Date(a.startsAt), timeZone);
    const end = start + minutesBetween(a.startsAt, a.endsAt);
    let lane = lanesEnd.findIndex((e) => e <= start);
    if (lane === -1) lane = lanesEnd.length;
    lanesEnd[lane] = end;
    return { a, start, end, lane };
  });
  return placed.map((p) => ({
    ...p,
    lanes: Math.max(1, ...placed.filter((q) => q.start < p.end && p.start < q.end).map((q) => q.lane + 1)),
  }));
}

/** A therapist's working time on one date, as [start, end) minutes of that local day. */
export function workingMinutes(
  therapist: CalendarRange["therapists"][number] | undefined,
  date: string,
  timeZone: string,
) {
  if (!therapist) return [];
  const dayStart = zonedInstant(date, 0, timeZone).getTime();
  const dayEnd = zonedInstant(addLocalDays(date, 1), 0, timeZone).getTime();
  return therapist.working
    .map((w) => ({
      s: Math.max(dayStart, new Date(w.start).getTime()),
      e: Math.min(dayEnd, new Date(w.end).getTime()),
    }))
    .filter((w) => w.s < w.e)
    .map((w) => ({
      start: wallMinutesOf(new Date(w.s), timeZone),
      end: w.e === dayEnd ? 24 * 60 : wallMinutesOf(new Date(w.e), timeZone),
    }));
}

/** The type's colour mixed with white: a pale card that dark text reads on whatever colour was chosen. */
export function tint(hex: string, amount = 0.16): string {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  if (Number.isNaN(n)) return "#f5f5f4";
  const mix = (c: number) =>
    Math.round(255 - (255 - c) * amount)
      .toString(16)
      .padStart(2, "0");
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

/** Minutes after midnight as the form value "HH:MM" (what the API takes; shown through the clinic format). */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export const STATUS_LABEL: Record<AppointmentView["status"], string> = {
  booked: "Booked",
  arrived: "Arrived",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};
