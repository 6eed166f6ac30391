/**
 * Cancellation notice: a client may cancel up to `noticeHours` before the appointment; later
 * cancellations are refused (the clinic handles them by phone and may charge).
 *
 * The notice is counted in elapsed hours, not wall-clock: with 24 hours' notice, a London
 * appointment at 10:00 on the spring-forward Sunday can be cancelled until 09:00 on the
 * Saturday, as the clocks went forward in between. Elapsed time is what the policy says and is
 * never ambiguous.
 */
import { subHours } from "date-fns";

/** The last instant at which cancelling is still on time. */
export function cancellationDeadline(appointmentStart: Date, noticeHours: number): Date {
  if (!Number.isFinite(noticeHours) || noticeHours < 0) throw new RangeError("noticeHours must be a number ≥ 0.");
  return subHours(appointmentStart, noticeHours);
}

/**
 * True when cancelling at `now` is too late. Cancelling exactly `noticeHours` before the start
 * is still on time; one millisecond later is late, and so is any time after the start.
 */
export function isLateCancellation(appointmentStart: Date, now: Date, noticeHours: number): boolean {
  return now.getTime() > cancellationDeadline(appointmentStart, noticeHours).getTime();
}

const counted = (n: number, unit: string) => `${n} ${n === 1 ? unit : `${unit}s`}`;

/**
 * "24 hours", "1 hour", "2 days" — days only when the period is whole days of 48 hours or more.
 * Written out rather than date-fns' formatDuration, whose English locale is ~15 KB gzip in the
 * portal's bundle (issue #16, page weight) for two words.
 */
export function formatNoticePeriod(noticeHours: number): string {
  if (noticeHours >= 48 && noticeHours % 24 === 0) return counted(noticeHours / 24, "day");
  return counted(noticeHours, "hour");
}

/** The refusal shown to a client who cancels too late. */
export function lateCancellationMessage(noticeHours: number): string {
  return `Appointments can be cancelled online up to ${formatNoticePeriod(noticeHours)} before they start. Please contact the clinic to cancel this one.`;
}

export type CancellationDecision = { allowed: true } | { allowed: false; message: string };

/** One call for use-cases: allowed, or refused with the message naming the notice period. */
export function decideCancellation(appointmentStart: Date, now: Date, noticeHours: number): CancellationDecision {
  return isLateCancellation(appointmentStart, now, noticeHours)
    ? { allowed: false, message: lateCancellationMessage(noticeHours) }
    : { allowed: true };
}
