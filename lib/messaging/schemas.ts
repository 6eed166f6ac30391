import { z } from "zod";

/** A signed appointment link's token (lib/messaging/manage-link.ts): base64url body, a dot, base64url MAC. */
export const appointmentLinkParams = z.object({
  linkToken: z.string().regex(/^[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{43}$/, "Not a link."),
});

export const managedAppointmentDto = z
  .object({
    clinicName: z.string(),
    timeZone: z.string(),
    locale: z.string(),
    status: z.enum(["booked", "arrived", "completed", "cancelled", "no_show"]),
    startsAt: z.string(),
    endsAt: z.string(),
    typeName: z.string(),
    therapistName: z.string(),
    roomName: z.string().nullable(),
    /** Cancelling online is still possible (booked, before the notice period). */
    canCancel: z.boolean(),
    /** Why not, naming the notice period, when it is booked but too late. */
    cancelRefusal: z.string().nullable(),
    cancellationNoticeHours: z.number().int(),
  })
  .meta({ id: "ManagedAppointment" });
export type ManagedAppointmentDto = z.infer<typeof managedAppointmentDto>;
