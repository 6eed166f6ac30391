import { z } from "zod";
import { isoInstant } from "@/lib/http/primitives";

export const bookAppointmentBody = z.object({
  clientId: z.uuid("Choose the client."),
  therapistUserId: z.uuid("Choose the therapist."),
  typeId: z.uuid("Choose the appointment type."),
  roomId: z.uuid().nullable().optional(),
  startsAt: isoInstant("Choose a start time."),
  /** A retried request with the same key returns the first appointment. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type BookAppointmentInput = z.output<typeof bookAppointmentBody>;

export const appointmentDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  therapistUserId: z.uuid(),
  roomId: z.uuid().nullable(),
  typeId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["booked", "arrived", "completed", "cancelled", "no_show"]),
});
export type AppointmentDto = z.infer<typeof appointmentDto>;
