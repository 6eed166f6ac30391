import { z } from "zod";
import { isoWeekday, wallEndTime, wallTime } from "@/lib/scheduling/rules/schemas";

const windowOk = (from: string | null | undefined, to: string | null | undefined) => !from || !to || to > from;
const windowMessage = { message: "The latest time must be after the earliest.", path: ["timeTo"] };

/** What a waiting client would accept; every empty preference means "anything". */
const preferenceFields = {
  typeId: z.uuid("Choose an appointment type.").nullable(),
  therapistUserIds: z
    .array(z.uuid("Choose therapists of this clinic."))
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, "Each therapist once."),
  weekdays: z
    .array(isoWeekday)
    .max(7)
    .refine((d) => new Set(d).size === d.length, "Each day once."),
  /** Wall-clock window in the clinic's zone the appointment must lie in; either end may be open. */
  timeFrom: wallTime.nullable(),
  timeTo: wallEndTime.nullable(),
  note: z.string().trim().max(500, "Keep the note under 500 characters."),
};

export const waitlistEntryBody = z
  .object({
    clientId: z.uuid("Choose the client."),
    typeId: preferenceFields.typeId.default(null),
    therapistUserIds: preferenceFields.therapistUserIds.default([]),
    weekdays: preferenceFields.weekdays.default([]),
    timeFrom: preferenceFields.timeFrom.default(null),
    timeTo: preferenceFields.timeTo.default(null),
    note: preferenceFields.note.default(""),
  })
  .refine((e) => windowOk(e.timeFrom, e.timeTo), windowMessage);
export type WaitlistEntryInput = z.output<typeof waitlistEntryBody>;

/** Fields left out stay as they are; status may go back to waiting (e.g. an offer was declined) or to removed. */
export const waitlistPatchBody = z
  .object({ ...preferenceFields, status: z.enum(["waiting", "removed"]) })
  .partial()
  .refine((e) => windowOk(e.timeFrom, e.timeTo), windowMessage);

export const waitlistStatuses = ["waiting", "offered", "booked", "removed"] as const;
export const waitlistQuery = z.object({
  /** "open" = waiting or offered (the default list); "all" = every entry. */
  status: z.enum([...waitlistStatuses, "open", "all"]).default("open"),
});
export const waitlistEntryParams = z.object({ entryId: z.uuid() });
export const appointmentParams = z.object({ appointmentId: z.uuid() });

export const offerBody = z
  .object({
    /** The freed appointment whose slot is offered. */
    appointmentId: z.uuid().optional(),
    /** Book the client into that slot now (the client already said yes). */
    book: z.boolean().default(false),
  })
  .refine((b) => !b.book || b.appointmentId, { message: "Choose the freed slot to book.", path: ["appointmentId"] });

export const waitlistEntryDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  typeId: z.uuid().nullable(),
  typeName: z.string().nullable(),
  therapistUserIds: z.array(z.uuid()),
  therapistNames: z.array(z.string()),
  weekdays: z.array(z.number()),
  timeFrom: z.string().nullable(),
  timeTo: z.string().nullable(),
  note: z.string(),
  status: z.enum(waitlistStatuses),
  offeredAppointmentId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type WaitlistEntryDto = z.infer<typeof waitlistEntryDto>;

export const freedSlotDto = z.object({
  appointmentId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  therapistId: z.uuid(),
  therapistName: z.string(),
  typeId: z.uuid(),
  typeName: z.string(),
  roomName: z.string().nullable(),
  status: z.enum(["booked", "arrived", "completed", "cancelled", "no_show"]),
  cancelledAt: z.string().nullable(),
  /** Cancelled (or no-show) and nobody has taken the time since. */
  free: z.boolean(),
});
export type FreedSlotDto = z.infer<typeof freedSlotDto>;

export const waitlistMatchDto = z.object({ entry: waitlistEntryDto, score: z.number(), reasons: z.array(z.string()) });
export type WaitlistMatchDto = z.infer<typeof waitlistMatchDto>;

export const slotMatchesDto = z.object({ slot: freedSlotDto, matches: z.array(waitlistMatchDto) });
export type SlotMatchesDto = z.infer<typeof slotMatchesDto>;

export const freedSlotsDto = z.array(freedSlotDto.extend({ matchCount: z.number(), bestMatch: z.string() }));
export type FreedSlotSummary = z.infer<typeof freedSlotsDto>[number];

export const offerResultDto = z.object({ entry: waitlistEntryDto, bookedAppointmentId: z.uuid().nullable() });
