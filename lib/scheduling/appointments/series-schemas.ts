import { z } from "zod";
import { isoInstant } from "@/lib/http/primitives";
import { localDate, seriesRule } from "@/lib/scheduling/rules/schemas";

/** What a series is: who, what, with whom, where, and the repeat rule (its first session in `rule.start`). */
export const seriesPreviewBody = z.object({
  clientId: z.uuid("Choose the client."),
  typeId: z.uuid("Choose the appointment type."),
  therapistUserId: z.uuid("Choose the therapist."),
  /** A room for every session; null or absent = any free room (when the type needs one). */
  roomId: z.uuid().nullable().optional(),
  rule: seriesRule,
});
export type SeriesPreviewInput = z.output<typeof seriesPreviewBody>;

/**
 * The admin's decision per occurrence (by its index in the preview). Occurrences without a
 * choice are kept at their own time. An alternative is sent as the slot itself, not as a
 * position in a list that may have changed since the preview; the server checks it again.
 */
export const seriesChoice = z.discriminatedUnion("action", [
  z.object({ index: z.number().int().min(0), action: z.literal("keep") }),
  z.object({ index: z.number().int().min(0), action: z.literal("skip") }),
  z.object({
    index: z.number().int().min(0),
    action: z.literal("alternative"),
    start: isoInstant("Choose a start time."),
    therapistUserId: z.uuid("Choose the therapist."),
    roomId: z.uuid().nullable(),
  }),
]);

export const createSeriesBody = seriesPreviewBody.extend({
  choices: z
    .array(seriesChoice)
    .max(60)
    .default([])
    .refine((c) => new Set(c.map((x) => x.index)).size === c.length, "One choice per date."),
  /** A retried request with the same key returns the series booked the first time. */
  idempotencyKey: z.string().trim().min(8).max(80).optional(),
});
export type CreateSeriesInput = z.output<typeof createSeriesBody>;

export const seriesParams = z.object({ seriesId: z.uuid() });
export const cancelSeriesBody = z.object({
  /** First local date to cancel (inclusive); earlier sessions stay. */
  fromDate: localDate,
  reason: z
    .string()
    .trim()
    .min(2, "Say why the sessions are cancelled.")
    .max(300, "Keep the reason under 300 characters."),
  /** Tell the client which sessions are cancelled (default yes); the reason stays internal. */
  notifyClient: z.boolean().optional(),
  /** Words the clinic chooses to share with the client in that message. */
  messageToClient: z.string().trim().max(300, "Keep the message under 300 characters.").optional(),
});

export const conflictCodes = [
  "too_soon",
  "outside_hours",
  "time_off",
  "therapist_busy",
  "room_unavailable",
  "client_busy",
] as const;
export type ConflictCode = (typeof conflictCodes)[number];

export const seriesAlternativeDto = z.object({
  start: z.string(),
  end: z.string(),
  therapistId: z.uuid(),
  therapistName: z.string(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  sameDay: z.boolean(),
});
export type SeriesAlternative = z.infer<typeof seriesAlternativeDto>;

export const seriesOccurrenceDto = z.object({
  index: z.number(),
  localDate: z.string(),
  start: z.string(),
  end: z.string(),
  /** The series' time did not exist that day (clocks went forward); the session moved later. */
  shifted: z.boolean(),
  status: z.enum(["ok", "conflict"]),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  conflict: z.object({ code: z.enum(conflictCodes), reason: z.string() }).nullable(),
  alternatives: z.array(seriesAlternativeDto),
});
export type SeriesOccurrence = z.infer<typeof seriesOccurrenceDto>;

export const seriesReportDto = z.object({
  timeZone: z.string(),
  therapistName: z.string(),
  typeName: z.string(),
  occurrences: z.array(seriesOccurrenceDto),
  okCount: z.number(),
  conflictCount: z.number(),
  /** The "until" date would have given more than 52 sessions; only the first 52 are listed. */
  truncated: z.boolean(),
});
export type SeriesReport = z.infer<typeof seriesReportDto>;

export const seriesAppointmentDto = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["booked", "arrived", "completed", "cancelled", "no_show"]),
  therapistUserId: z.uuid(),
  therapistName: z.string(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
});

export const seriesDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  typeName: z.string(),
  appointments: z.array(seriesAppointmentDto),
  /** Indices of the occurrences the admin skipped when booking. */
  skipped: z.array(z.number()),
  replayed: z.boolean().optional(),
});
export type SeriesDto = z.infer<typeof seriesDto>;

export const cancelSeriesDto = z.object({ cancelled: z.number(), appointmentIds: z.array(z.uuid()) });
