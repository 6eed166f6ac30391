import type { TimeInterval } from "./intervals";
import type { FindSlotsOptions, Slot, TherapistSchedule } from "./slots";
import { wallTimeOf, zonedInstant } from "@/lib/format/zoned";

/** What the slot-finder tests share: pure helpers for building schedules on one London day; no database. */
export const LONDON = "Europe/London";
export const DAY = "2026-03-02"; // a Monday in GMT, so local London time equals UTC

export const at = (time: string, date = DAY, zone = LONDON) => zonedInstant(date, time, zone);
export const span = (from: string, to: string, date = DAY, zone = LONDON): TimeInterval => ({
  start: at(from, date, zone),
  end: at(to, date, zone),
});
export const starts = (slots: Slot[], zone = LONDON) => slots.map((s) => wallTimeOf(s.start, zone));
export const therapist = (id: string, availability: TimeInterval[], busy: TimeInterval[] = []): TherapistSchedule => ({
  id,
  availability,
  busy,
});
export const hour = { durationMin: 60, bufferAfterMin: 0 };

export const base = (overrides: Partial<FindSlotsOptions>): FindSlotsOptions => ({
  type: hour,
  therapists: [therapist("t1", [span("09:00", "12:00")])],
  rooms: null,
  from: at("00:00"),
  timeZone: LONDON,
  limit: 50,
  ...overrides,
});
