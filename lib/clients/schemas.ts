import { z } from "zod";
import { isoDate } from "@/lib/http/primitives";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const clientFields = z.object({
  firstName: z.string().trim().min(1, "Enter a first name.").max(100),
  lastName: z.string().trim().min(1, "Enter a last name.").max(100),
  preferredName: optionalText(100),
  dateOfBirth: z
    .union([isoDate("Use the format YYYY-MM-DD."), z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .refine(
      (v) => !v || (v >= "1900-01-01" && v <= new Date().toISOString().slice(0, 10)),
      "Date of birth must be in the past.",
    ),
  // Trim before checking: phones add a trailing space after autocomplete.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.email("Enter a valid email address."), z.literal("")]))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+()0-9 .-]*$/, "Use digits, spaces and + ( ) - only.")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
});

/** Edits carry the version the editor started from, so a stale save gets 409, never a silent overwrite. */
export const updateClientBody = clientFields.partial().extend({
  version: z.number().int().min(1),
});

export const clientIdParams = z.object({ clientId: z.uuid() });

export const listClientsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(["active", "archived", "all"]).default("active"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const clientSummary = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  archivedAt: z.string().nullable(),
  hasPortalAccess: z.boolean(),
});
export type ClientSummary = z.infer<typeof clientSummary>;

export const clientDetail = clientSummary.extend({
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  pendingInvitation: z.object({ id: z.string(), email: z.string(), expiresAt: z.string() }).nullable(),
  /** When the record was made by a booking on the public page (a new client), else null. */
  selfBookedAt: z.string().nullable(),
});
export type ClientDetail = z.infer<typeof clientDetail>;
