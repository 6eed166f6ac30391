import { z } from "zod";
import { cancellationNoticeHours, weeklyHours } from "@/lib/scheduling/rules/schemas";
import { CLINIC_LOCALES, isClinicTimeZone } from "@/lib/format/clinic-locales";

const quietMinute = z
  .number("Enter a time.")
  .int()
  .min(0, "Enter a time of day.")
  .max(1439, "Enter a time of day.")
  .nullable()
  .optional();

export const clinicSettingsBody = z.object({
  name: z.string().trim().min(2, "Enter the clinic's name.").max(120),
  /** One of the runtime's IANA zones (Intl.supportedValuesOf), chosen from a list. */
  timezone: z
    .string()
    .max(64)
    .refine(isClinicTimeZone, "Choose a time zone from the list (an IANA name such as Europe/London)."),
  /** How dates and times are written across the product and in emails. */
  locale: z.enum(CLINIC_LOCALES, "Choose a language and region from the list.").optional(),
  cancellationNoticeHours,
  onlineBooking: z.boolean(),
  scopeWording: z.enum(["self_care", "home_exercise"]),
  openingHours: weeklyHours,
  adherenceThresholdPct: z
    .number("Enter a percentage.")
    .int("Use a whole percentage.")
    .min(0, "0 to 100%.")
    .max(100, "0 to 100%.")
    .optional(),
  reminderHoursBefore: z
    .number("Enter a number of hours.")
    .int("Use whole hours.")
    .min(0, "0 (no reminders) to 168 hours.")
    .max(168, "0 (no reminders) to 168 hours.")
    .optional(),
  /** The algometer unit the finding editor starts on (each therapist's last-used unit wins once they have one). */
  algometerUnit: z.enum(["kgf/cm2", "N/cm2", "lbf/in2", "kPa"], "Choose a unit.").optional(),
  /* Optional (not defaulted) so that a client that does not know a setting never resets it by omission. */
  requireTwoFactor: z.boolean().optional(),
  staffIdleTimeoutMinutes: z
    .number("Enter a number of minutes.")
    .int("Use whole minutes.")
    .min(5, "5 to 720 minutes.")
    .max(720, "5 to 720 minutes.")
    .optional(),
  /**
   * Quiet hours for text messages, minutes after midnight in the clinic's zone (20:00–08:00 is
   * 1200 and 480); both null for none. A text due inside them waits for their end.
   */
  smsQuietStartMinute: quietMinute,
  smsQuietEndMinute: quietMinute,
  version: z.number().int().min(1),
});

export const clinicSettingsDto = clinicSettingsBody.extend({
  id: z.uuid(),
  algometerUnit: z.enum(["kgf/cm2", "N/cm2", "lbf/in2", "kPa"]),
  locale: z.enum(CLINIC_LOCALES),
  requireTwoFactor: z.boolean(),
  adherenceThresholdPct: z.number().int(),
  reminderHoursBefore: z.number().int(),
  staffIdleTimeoutMinutes: z.number().int(),
  smsQuietStartMinute: z.number().int().nullable(),
  smsQuietEndMinute: z.number().int().nullable(),
});
export type ClinicSettings = z.infer<typeof clinicSettingsDto>;

export const roomBody = z.object({ name: z.string().trim().min(1, "Name the room.").max(60) });
export const roomPatchBody = z.object({
  name: z.string().trim().min(1, "Name the room.").max(60).optional(),
  archived: z.boolean().optional(),
});
export const roomParams = z.object({ roomId: z.uuid() });
export const roomDto = z.object({ id: z.uuid(), name: z.string(), archived: z.boolean() });

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #0f6b73.");
/** Which therapists offer a type; an empty list means every therapist of the clinic. */
const therapistIds = z
  .array(z.uuid("Choose therapists of this clinic."))
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, "Each therapist once.");
const appointmentTypeFields = {
  name: z.string().trim().min(2, "Name the appointment type.").max(80),
  durationMin: z
    .number("Enter the length in minutes.")
    .int()
    .min(5, "At least 5 minutes.")
    .max(480, "At most 8 hours."),
  bufferAfterMin: z.number().int().min(0, "0 to 120 minutes.").max(120, "0 to 120 minutes."),
  colour,
  bookableOnline: z.boolean(),
  needsRoom: z.boolean(),
  therapistIds: therapistIds.optional(),
};
export const appointmentTypeBody = z.object({
  ...appointmentTypeFields,
  bufferAfterMin: appointmentTypeFields.bufferAfterMin.default(0),
  colour: colour.default("#0f6b73"),
  bookableOnline: z.boolean().default(false),
  needsRoom: z.boolean().default(true),
});
// Built from the fields without their defaults: a patch that omits a field leaves it as it is
// (a partial of the create body would put the defaults back, e.g. reset the buffer on archive).
export const appointmentTypePatchBody = z
  .object(appointmentTypeFields)
  .partial()
  .extend({ archived: z.boolean().optional() });
export const appointmentTypeParams = z.object({ typeId: z.uuid() });
export const appointmentTypeDto = z.object({
  id: z.uuid(),
  name: z.string(),
  durationMin: z.number(),
  bufferAfterMin: z.number(),
  colour: z.string(),
  bookableOnline: z.boolean(),
  needsRoom: z.boolean(),
  archived: z.boolean(),
  /** Therapists who offer this type; empty = all of the clinic's therapists. */
  therapistIds: z.array(z.uuid()),
});
export type AppointmentTypeDto = z.infer<typeof appointmentTypeDto>;
