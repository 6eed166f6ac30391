/**
 * The portal's scheduling shapes: what a client sends to book and cancel, and what they see.
 * DTOs carry names and times only — never another client's data, staff notes, cancellation
 * reasons written by staff, or internal ids a client has no use for (rooms, creators).
 */
import { z } from "zod";
import { isoInstant } from "@/lib/http/primitives";

export const portalTypeParams = z.object({ typeId: z.uuid() });
export const myAppointmentParams = z.object({ myAppointmentId: z.uuid() });

export const portalSlotsQuery = z.object({
  /** A chosen therapist; absent = anyone who offers the type. */
  therapistId: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(28).default(14),
});

export const portalBookBody = z.object({
  typeId: z.uuid("Choose the kind of appointment."),
  /** null/absent = whichever therapist is free at that time. */
  therapistId: z.uuid().nullable().optional(),
  startsAt: isoInstant("Choose a time."),
  /** Required from the portal: a retried request (double tap, flaky network) books once. */
  idempotencyKey: z.string().trim().min(8, "Missing request key.").max(100),
});
export type PortalBookInput = z.output<typeof portalBookBody>;

export const rescheduleSlotsQuery = z.object({ days: z.coerce.number().int().min(1).max(28).default(14) });

export const rescheduleBody = z.object({
  startsAt: isoInstant("Choose a new time."),
  version: z.number("Reload the page and try again.").int().min(1).max(1_000_000),
});
export type RescheduleInput = z.output<typeof rescheduleBody>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const bookableTypeDto = z.object({
  id: z.uuid(),
  name: z.string(),
  durationMin: z.number(),
  /** Who offers it: the therapist picker. */
  therapists: z.array(person),
});

export const bookingOptionsDto = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  cancellationNoticeHours: z.number(),
  canBook: z.boolean(),
  /** Why not, in neutral words, when canBook is false. */
  message: z.string().nullable(),
  types: z.array(bookableTypeDto),
});
export type BookingOptionsDto = z.infer<typeof bookingOptionsDto>;

export const portalSlotDto = z.object({
  start: z.string(),
  end: z.string(),
  therapistId: z.uuid(),
  therapistName: z.string(),
});
export type PortalSlotDto = z.infer<typeof portalSlotDto>;

export const portalSlotsDto = z.object({
  timeZone: z.string(),
  /** Clinic-local dates that have at least one free slot, in order. */
  days: z.array(z.object({ date: z.string(), slots: z.array(portalSlotDto) })),
});
export type PortalSlotsDto = z.infer<typeof portalSlotsDto>;

export const portalAppointmentDto = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["booked", "arrived", "completed", "cancelled", "no_show"]),
  typeName: z.string(),
  therapistName: z.string(),
  roomName: z.string().nullable(),
  /** The last instant the client may cancel online (null once it is no longer booked). */
  cancelDeadline: z.string().nullable(),
  /** Booked and still before the deadline. */
  cancellable: z.boolean(),
  /** Its type may be booked online, so (while cancellable) the client may move it to another time. */
  typeBookableOnline: z.boolean(),
  /** Sent back when moving it: a change made meanwhile by the clinic is not overwritten. */
  version: z.number(),
});
export type PortalAppointmentDto = z.infer<typeof portalAppointmentDto>;

export const myAppointmentsDto = z.object({
  timeZone: z.string(),
  cancellationNoticeHours: z.number(),
  /** "Appointments can be cancelled online up to … before they start. …" */
  lateCancellationMessage: z.string(),
  upcoming: z.array(portalAppointmentDto),
  past: z.array(portalAppointmentDto),
});
export type MyAppointmentsDto = z.infer<typeof myAppointmentsDto>;

export const bookedDto = z.object({ appointment: portalAppointmentDto, replayed: z.boolean() });
export type BookedDto = z.infer<typeof bookedDto>;
