/**
 * The public booking page's shapes (/book/{clinic}): what a visitor sends and what they may see.
 * Nothing here carries another client's data, a room, or whether an email address is known.
 * Not server-only: the page's form validates with the same schema.
 */
import { z } from "zod";
import { isoDate, isoInstant } from "@/lib/http/primitives";

export const clinicSlugParams = z.object({
  clinicSlug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Not a clinic address."),
});
export const confirmationParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "Not a link.") });

export const publicSlotsParams = clinicSlugParams.extend({ typeId: z.uuid() });
export const publicSlotsQuery = z.object({
  /** A chosen therapist; absent = anyone who offers the type. */
  therapistId: z.uuid().optional(),
});

const today = () => new Date().toISOString().slice(0, 10);

export const holdBody = z.object({
  typeId: z.uuid("Choose the kind of appointment."),
  therapistId: z.uuid().nullable().optional(),
  startsAt: isoInstant("Choose a time."),
  firstName: z.string().trim().min(1, "Enter your first name.").max(100, "Keep this under 100 characters."),
  lastName: z.string().trim().min(1, "Enter your last name.").max(100, "Keep this under 100 characters."),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address.")),
  phone: z
    .string()
    .trim()
    .min(6, "Enter a phone number we can reach you on.")
    .max(40, "Keep this under 40 characters.")
    .regex(/^[+()0-9 .-]*$/, "Use digits, spaces and + ( ) - only."),
  dateOfBirth: isoDate("Enter your date of birth.").refine(
    (v) => v >= "1900-01-01" && v <= today(),
    "Date of birth must be in the past.",
  ),
  reason: z.string().trim().min(1, "Tell us briefly what brings you in.").max(500, "Keep this under 500 characters."),
  /**
   * The honeypot: a field people never see (hidden from sight and from assistive technology).
   * Bots that fill every input get the ordinary answer and nothing happens.
   */
  website: z.string().max(500).optional(),
});
export type HoldInput = z.output<typeof holdBody>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const publicTypeDto = z.object({
  id: z.uuid(),
  name: z.string(),
  durationMin: z.number(),
  therapists: z.array(person),
});

export const publicBookingOptionsDto = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  cancellationNoticeHours: z.number(),
  canBook: z.boolean(),
  /** Why not, when canBook is false. */
  message: z.string().nullable(),
  requiresApproval: z.boolean(),
  holdMinutes: z.number(),
  /** Websites allowed to frame the page (proxy.ts turns them into frame-ancestors). */
  embedOrigins: z.array(z.string()),
  types: z.array(publicTypeDto),
});
export type PublicBookingOptions = z.infer<typeof publicBookingOptionsDto>;

export const publicSlotsDto = z.object({
  timeZone: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      slots: z.array(
        z.object({ start: z.string(), end: z.string(), therapistId: z.uuid(), therapistName: z.string() }),
      ),
    }),
  ),
});
export type PublicSlots = z.infer<typeof publicSlotsDto>;

/** The same answer for a known address, a new one, and a honeypot hit. */
export const holdDto = z.object({ message: z.string(), expiresAt: z.string() });
export type HoldDto = z.infer<typeof holdDto>;

export const holdStates = ["held", "expired", "awaiting_clinic", "confirmed", "declined", "released"] as const;

export const confirmationDto = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  state: z.enum(holdStates),
  startsAt: z.string(),
  endsAt: z.string(),
  typeName: z.string(),
  therapistName: z.string(),
  expiresAt: z.string(),
  message: z.string(),
});
export type ConfirmationDto = z.infer<typeof confirmationDto>;

/** An origin as a browser sends it: scheme, host and optional port, nothing else. */
const origin = z
  .string()
  .trim()
  .max(200)
  .regex(
    /^https?:\/\/(localhost|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)(:\d{1,5})?$/i,
    "Use an origin such as https://www.myclinic.example (no path).",
  )
  .transform((v) => v.toLowerCase());

export const publicBookingSettingsBody = z.object({
  enabled: z.boolean(),
  leadHours: z
    .number("Enter a number of hours.")
    .int("Use whole hours.")
    .min(0, "0 to 720 hours.")
    .max(720, "0 to 720 hours."),
  horizonDays: z
    .number("Enter a number of days.")
    .int("Use whole days.")
    .min(1, "1 to 365 days.")
    .max(365, "1 to 365 days."),
  requiresApproval: z.boolean(),
  embedOrigins: z
    .array(origin)
    .max(10, "At most 10 websites.")
    .refine((o) => new Set(o).size === o.length, "Each website once."),
  /** The appointment types new clients may book. */
  typeIds: z
    .array(z.uuid())
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, "Each type once."),
});
export type PublicBookingSettingsInput = z.output<typeof publicBookingSettingsBody>;

export const publicBookingSettingsDto = publicBookingSettingsBody.extend({
  slug: z.string(),
  types: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type PublicBookingSettings = z.infer<typeof publicBookingSettingsDto>;

export const pendingRequestDto = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  typeName: z.string(),
  therapistName: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  reason: z.string(),
});
export type PendingRequest = z.infer<typeof pendingRequestDto>;

export const bookingRequestParams = z.object({ requestId: z.uuid() });
export const bookingDecisionBody = z.object({ accept: z.boolean("Accept or decline.") });
export const bookingDecisionDto = z.object({ status: z.enum(["confirmed", "declined"]) });
