import { z } from "zod";
import { isoDate, isoInstant } from "@/lib/http/primitives";
import { bookAppointmentBody } from "./schemas";

/** A local date (midnight in the clinic's zone) or an instant with its offset. */
const dateOrInstant = z.union([isoDate(), isoInstant()], "Use a date (YYYY-MM-DD) or a date-time with offset.");
const idList = z
  .union([z.uuid(), z.array(z.uuid())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** The calendar's range: half-open [from, to); dates are read in the clinic's zone. Defaults to the next 7 days. */
export const listAppointmentsQuery = z.object({
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
  /** One or several (repeat the parameter); none = every therapist. */
  therapistId: idList,
  roomId: z.uuid().optional(),
  includeCancelled: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type ListAppointmentsQuery = z.output<typeof listAppointmentsQuery>;

export const appointmentParams = z.object({ appointmentId: z.uuid() });

/**
 * Booked outside the therapist's working hours is refused with 409 (details.reason
 * "outside_hours") unless staff confirm with this flag: a front desk may book a favour.
 */
const allowOutsideHours = z.boolean().optional().default(false);

export const createAppointmentBody = bookAppointmentBody.extend({ allowOutsideHours });
export type CreateAppointmentInput = z.output<typeof createAppointmentBody>;

const instant = isoInstant("Use a date-time such as 2026-12-01T10:00:00Z.");

/** Move and/or resize: only the fields sent change; `version` is what the editor last saw. */
export const moveAppointmentBody = z
  .object({
    version: z.number().int().min(1),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    therapistUserId: z.uuid("Choose the therapist.").optional(),
    roomId: z.uuid("Choose a room.").nullable().optional(),
    allowOutsideHours,
    /** Tell the client about a changed time, therapist or room (after the Undo window). Default yes. */
    notifyClient: z.boolean().optional(),
  })
  .refine(
    (b) =>
      b.startsAt !== undefined || b.endsAt !== undefined || b.therapistUserId !== undefined || b.roomId !== undefined,
    {
      message: "Change the time, the therapist or the room.",
    },
  );
export type MoveAppointmentInput = z.output<typeof moveAppointmentBody>;

/** Status changes other than cancelling (which needs a reason): see ALLOWED_TRANSITIONS. */
export const setStatusBody = z.object({
  status: z.enum(["booked", "arrived", "completed", "no_show"], "Choose a status."),
  version: z.number().int().min(1),
});
export type SetStatusInput = z.output<typeof setStatusBody>;

export const cancelAppointmentBody = z.object({
  reason: z.string().trim().min(3, "Give a reason for cancelling.").max(500, "Keep the reason under 500 characters."),
  /** A late cancellation counts against the client only when the client cancelled. */
  cancelledBy: z.enum(["client", "clinic"], "Say who cancelled."),
  version: z.number().int().min(1),
  /** Email the client that it is cancelled (default yes). The reason stays internal unless shared below. */
  notifyClient: z.boolean().optional(),
  /** Words the clinic chooses to share with the client in the cancellation message. */
  messageToClient: z.string().trim().max(300, "Keep the message under 300 characters.").optional(),
});
export type CancelAppointmentInput = z.output<typeof cancelAppointmentBody>;

export const appointmentStatus = z.enum(["booked", "arrived", "completed", "cancelled", "no_show"]);
export type AppointmentStatus = z.infer<typeof appointmentStatus>;

/**
 * The front desk's steps, and the undo of each (a mis-click is common at a busy desk):
 * booked → arrived → completed; booked → no-show. Cancelling is its own call (it needs a reason)
 * and is final: a cancelled slot may already be someone else's, so the client is booked afresh.
 */
export const ALLOWED_TRANSITIONS: Record<AppointmentStatus, readonly Exclude<AppointmentStatus, "cancelled">[]> = {
  booked: ["arrived", "completed", "no_show"],
  arrived: ["booked", "completed"],
  completed: ["arrived"],
  no_show: ["booked"],
  cancelled: [],
};

/** One appointment as the calendar and its dialogs show it. */
export const appointmentView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  therapistUserId: z.uuid(),
  therapistName: z.string(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  typeId: z.uuid(),
  typeName: z.string(),
  typeColour: z.string(),
  bufferAfterMin: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: appointmentStatus,
  version: z.number(),
  visitId: z.uuid().nullable(),
  cancelReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  lateCancellation: z.boolean(),
  bookedVia: z.enum(["staff", "portal", "public"]),
  seriesId: z.uuid().nullable(),
});
export type AppointmentView = z.infer<typeof appointmentView>;

/** A booking's answer: `replayed` is true when an idempotency key matched an earlier booking. */
export const bookedAppointmentDto = appointmentView.extend({ replayed: z.boolean() });

const span = z.object({ start: z.string(), end: z.string() });

export const calendarTherapist = z.object({
  id: z.uuid(),
  name: z.string(),
  /** False when no weekly hours are recorded: the calendar then shades nothing. */
  hoursSet: z.boolean(),
  /** Working time inside the range (weekly hours with exceptions applied). */
  working: z.array(span),
});

export const calendarRangeDto = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  therapists: z.array(calendarTherapist),
  appointments: z.array(appointmentView),
});
export type CalendarRange = z.infer<typeof calendarRangeDto>;

export const openVisitDto = z.object({ visitId: z.uuid(), created: z.boolean() });
