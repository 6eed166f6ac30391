/**
 * Input shapes for scheduling that will arrive through the API: weekly hours, exceptions,
 * recurrence rules, appointment types and the cancellation notice.
 *
 * Times are wall-clock strings in the clinic's zone, never instants, so that "09:00" stays
 * 09:00 on both sides of a daylight-saving change. "HH:MM" strings compare correctly as strings
 * (fixed width, 24-hour), which the refinements below rely on.
 */
import { z } from "zod";
import { isoDate, isoLocalDateTime } from "@/lib/http/primitives";
import { isValidTimeZone } from "@/lib/format/zoned";

/** Upper bound for one series: a year of weekly sessions. Longer plans are booked in parts. */
export const MAX_SERIES_OCCURRENCES = 52;

const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_OR_24 = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;

export const wallTime = z.string().regex(HH_MM, "Use the 24-hour format HH:MM, e.g. 09:00.");

/** An end time may be "24:00" (midnight at the end of the day), a start time may not. */
export const wallEndTime = z
  .string()
  .regex(HH_MM_OR_24, "Use the 24-hour format HH:MM, e.g. 17:30 (24:00 for midnight).");

/**
 * zod 4 still runs object refinements after a field failed its format, so comparisons first
 * check their operands are well-formed: a malformed field gets its own message, not a second one.
 */
const times = (start: string | undefined, end: string | undefined) =>
  (start === undefined || HH_MM.test(start)) && (end === undefined || HH_MM_OR_24.test(end));
const dates = (...values: (string | undefined)[]) => values.every((v) => v === undefined || YYYY_MM_DD.test(v));

export const localDate = isoDate("Use the format YYYY-MM-DD.");

/** "YYYY-MM-DDTHH:MM" as an <input type="datetime-local"> sends it, read in the clinic's zone. */
export const localDateTime = isoLocalDateTime("Use the format YYYY-MM-DDTHH:MM.");

const weekdayMessage = "Weekday must be 1 (Monday) to 7 (Sunday), ISO numbering.";
export const isoWeekday = z.number(weekdayMessage).int(weekdayMessage).min(1, weekdayMessage).max(7, weekdayMessage);

export const timeZone = z.string().refine(isValidTimeZone, "Use an IANA time zone name such as Europe/London.");

const endAfterStart = { message: "End time must be after start time.", path: ["end"] };

export const weeklyBlock = z
  .object({ weekday: isoWeekday, start: wallTime, end: wallEndTime })
  .refine((b) => !times(b.start, b.end) || b.end > b.start, endAfterStart);
export type WeeklyBlock = z.infer<typeof weeklyBlock>;

/** A therapist's week: several blocks a day are allowed (split shifts), overlapping ones are not. */
export const weeklyHours = z
  .array(weeklyBlock)
  .max(100, "At most 100 blocks per week.")
  .superRefine((blocks, ctx) => {
    const comparable = (b: WeeklyBlock) => times(b.start, b.end) && b.start < b.end;
    blocks.forEach((a, i) => {
      if (!comparable(a)) return;
      const clash = blocks.findIndex(
        (b, j) => j < i && comparable(b) && b.weekday === a.weekday && a.start < b.end && b.start < a.end,
      );
      if (clash === -1) return;
      const b = blocks[clash]!;
      ctx.addIssue({
        code: "custom",
        path: [i, "start"],
        message: `Blocks on ${WEEKDAY_NAMES[a.weekday - 1]} overlap (${b.start}–${b.end} and ${a.start}–${a.end}).`,
      });
    });
  });

/**
 * Time off removes time. Without times it covers whole days (startDate to endDate, inclusive);
 * `start` narrows the first day, `end` the last, so one shape covers "Tuesday afternoon",
 * "12:00–14:00 on the 30th" and "from Friday 12:00 to Monday 10:00".
 */
export const timeOffException = z
  .object({
    kind: z.literal("time_off"),
    startDate: localDate,
    endDate: localDate.optional(),
    start: wallTime.optional(),
    end: wallEndTime.optional(),
    note: z.string().trim().max(200, "Keep the note under 200 characters.").optional(),
  })
  .refine((t) => !dates(t.startDate, t.endDate) || (t.endDate ?? t.startDate) >= t.startDate, {
    message: "The last day off cannot be before the first.",
    path: ["endDate"],
  })
  .refine(
    (t) =>
      !times(t.start, t.end) ||
      !dates(t.startDate, t.endDate) ||
      (t.endDate ?? t.startDate) > t.startDate ||
      (t.end ?? "24:00") > (t.start ?? "00:00"),
    endAfterStart,
  );
export type TimeOffException = z.infer<typeof timeOffException>;

/** Extra hours add a block on one date, e.g. a Saturday clinic outside the usual week. */
export const extraHoursException = z
  .object({
    kind: z.literal("extra_hours"),
    date: localDate,
    start: wallTime,
    end: wallEndTime,
    note: z.string().trim().max(200, "Keep the note under 200 characters.").optional(),
  })
  .refine((e) => !times(e.start, e.end) || e.end > e.start, endAfterStart);

export const availabilityException = z.discriminatedUnion("kind", [timeOffException, extraHoursException]);
export type AvailabilityException = z.infer<typeof availabilityException>;

/** Weekly or every N weeks, ending after a count or on a date (inclusive) — exactly one of the two. */
export const seriesRule = z
  .object({
    start: localDateTime,
    intervalWeeks: z
      .number()
      .int("Repeat every whole number of weeks.")
      .min(1, "Repeat at least every week.")
      .max(12, "Repeat at most every 12 weeks."),
    count: z
      .number()
      .int("Enter a whole number of sessions.")
      .min(1, "A series needs at least one session.")
      .max(MAX_SERIES_OCCURRENCES, `A series can have at most ${MAX_SERIES_OCCURRENCES} sessions.`)
      .optional(),
    until: localDate.optional(),
  })
  .refine((r) => (r.count === undefined) !== (r.until === undefined), {
    message: "Give either a number of sessions or an end date, not both.",
    path: ["count"],
  })
  .refine((r) => !dates(r.until, r.start.slice(0, 10)) || r.until === undefined || r.until >= r.start.slice(0, 10), {
    message: "The end date cannot be before the first session.",
    path: ["until"],
  });
export type SeriesRule = z.infer<typeof seriesRule>;

export const appointmentTypeRule = z.object({
  durationMin: z
    .number()
    .int("Use whole minutes.")
    .min(5, "An appointment lasts at least 5 minutes.")
    .max(480, "An appointment lasts at most 8 hours."),
  bufferAfterMin: z
    .number()
    .int("Use whole minutes.")
    .min(0, "The buffer cannot be negative.")
    .max(240, "Keep the buffer under 4 hours.")
    .default(0),
});

export const cancellationNoticeHours = z
  .number()
  .int("Use whole hours.")
  .min(0, "The notice period cannot be negative.")
  .max(336, "Keep the notice period within two weeks (336 hours).");
