import { z } from "zod";
import { cancellationNoticeHours, timeZone, weeklyHours } from "@/lib/scheduling/schemas";

export const clinicSettingsBody = z.object({
  name: z.string().trim().min(2, "Enter the clinic's name.").max(120),
  timezone: timeZone,
  cancellationNoticeHours,
  onlineBooking: z.boolean(),
  scopeWording: z.enum(["self_care", "home_exercise"]),
  openingHours: weeklyHours,
  adherenceThresholdPct: z.number("Enter a percentage.").int("Use a whole percentage.").min(0, "0 to 100%.").max(100, "0 to 100%.").default(50),
  reminderHoursBefore: z.number("Enter a number of hours.").int("Use whole hours.").min(0, "0 (no reminders) to 168 hours.").max(168, "0 (no reminders) to 168 hours.").default(24),
  version: z.number().int().min(1),
});

export const clinicSettingsDto = clinicSettingsBody.extend({ id: z.uuid() });
export type ClinicSettings = z.infer<typeof clinicSettingsDto>;

export const roomBody = z.object({ name: z.string().trim().min(1, "Name the room.").max(60) });
export const roomPatchBody = z.object({ name: z.string().trim().min(1, "Name the room.").max(60).optional(), archived: z.boolean().optional() });
export const roomParams = z.object({ roomId: z.uuid() });
export const roomDto = z.object({ id: z.uuid(), name: z.string(), archived: z.boolean() });

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #0f6b73.");
export const appointmentTypeBody = z.object({
  name: z.string().trim().min(2, "Name the appointment type.").max(80),
  durationMin: z.number("Enter the length in minutes.").int().min(5, "At least 5 minutes.").max(480, "At most 8 hours."),
  bufferAfterMin: z.number().int().min(0, "0 to 120 minutes.").max(120, "0 to 120 minutes.").default(0),
  colour: colour.default("#0f6b73"),
  bookableOnline: z.boolean().default(false),
  needsRoom: z.boolean().default(true),
});
export const appointmentTypePatchBody = appointmentTypeBody.partial().extend({ archived: z.boolean().optional() });
export const appointmentTypeParams = z.object({ typeId: z.uuid() });
export const appointmentTypeDto = z.object({
  id: z.uuid(), name: z.string(), durationMin: z.number(), bufferAfterMin: z.number(), colour: z.string(),
  bookableOnline: z.boolean(), needsRoom: z.boolean(), archived: z.boolean(),
});
export type AppointmentTypeDto = z.infer<typeof appointmentTypeDto>;
