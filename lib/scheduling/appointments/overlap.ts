import { and, gt, lt, type SQL } from "drizzle-orm";
import { appointments } from "@/db/schema";

/**
 * An appointment lasts at most 8 hours (ends_at − starts_at) and its type's buffer after it at most 2 hours,
 * so it blocks at most 10 hours from its start. The database holds every row to this (CHECK
 * appointments_max_length, migration 0023), which is what makes the lower bound below exact.
 */
export const MAX_APPOINTMENT_MINUTES = 480;
export const MAX_BLOCK_MINUTES = 600;

/**
 * Appointments whose [starts_at, until) overlaps [from, to), where `until` is ends_at (what the calendar
 * shows) or blocks_until (what scheduling must keep free). `starts_at < to and until > from` alone has no lower
 * bound on starts_at, so the (clinic_id, starts_at) index would read the clinic's whole history before `to`;
 * an appointment overlapping `from` started at most its maximum length before it, which bounds the scan to the
 * window.
 */
export function overlapping(from: Date, to: Date, until: "endsAt" | "blocksUntil"): SQL {
  const longest = until === "endsAt" ? MAX_APPOINTMENT_MINUTES : MAX_BLOCK_MINUTES;
  return and(
    lt(appointments.startsAt, to),
    gt(appointments[until], from),
    gt(appointments.startsAt, new Date(from.getTime() - longest * 60_000)),
  )!;
}
