import { z } from "zod";

/** Why a client may not book online. Stored as readable text in clients.do_not_book_online_reason. */
export const onlineBookingFlagKinds = ["safety", "no_shows", "other"] as const;
export type OnlineBookingFlagKind = (typeof onlineBookingFlagKinds)[number];
export const FLAG_LABELS: Record<OnlineBookingFlagKind, string> = {
  safety: "Safety",
  no_shows: "Repeated no-shows",
  other: "Other",
};

export const onlineBookingFlagBody = z
  .object({
    kind: z.enum(onlineBookingFlagKinds, "Choose why."),
    /** Front-desk wording only: this is read by admins, so no clinical details. */
    note: z.string().trim().max(200, "Keep the note under 200 characters.").default(""),
  })
  .refine((b) => b.kind !== "other" || b.note.length > 0, {
    message: "Say why online booking is blocked.",
    path: ["note"],
  });

export const clientAppointmentDto = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["booked", "arrived", "completed", "cancelled", "no_show"]),
  lateCancellation: z.boolean(),
  cancelReason: z.string().nullable(),
  typeName: z.string(),
  therapistName: z.string(),
  roomName: z.string().nullable(),
  seriesId: z.uuid().nullable(),
});
export type ClientAppointment = z.infer<typeof clientAppointmentDto>;

export const onlineBookingFlagDto = z.object({
  blocked: z.boolean(),
  kind: z.enum(onlineBookingFlagKinds).nullable(),
  note: z.string(),
  /** The stored text, as online booking shows it to staff. */
  reason: z.string().nullable(),
});
export type OnlineBookingFlag = z.infer<typeof onlineBookingFlagDto>;

export const clientAppointmentsDto = z.object({
  upcoming: z.array(clientAppointmentDto),
  recent: z.array(clientAppointmentDto),
  counts: z.object({ noShows: z.number(), lateCancellations: z.number(), since: z.string() }),
  flag: onlineBookingFlagDto,
});
export type ClientAppointments = z.infer<typeof clientAppointmentsDto>;
