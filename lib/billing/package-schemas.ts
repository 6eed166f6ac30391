/**
 * Package request and response schemas (prepaid bundles of sessions). Not server-only: the
 * plan editor validates with the same schemas in the browser.
 */
import { z } from "zod";

const id = z.uuid("Choose one from the list.");

export const planParams = z.object({ planId: z.uuid() });
export const clientPackagesParams = z.object({ clientId: z.uuid() });

const sessions = z
  .number("Enter a number of sessions.")
  .int("Whole sessions only.")
  .min(1, "At least 1 session.")
  .max(100, "At most 100 sessions.");
const validityDays = z
  .number("Enter how many days the package is valid.")
  .int("Whole days only.")
  .min(1, "At least 1 day.")
  .max(3660, "At most 3660 days (ten years).");
const price = z
  .number("Enter a price.")
  .int("Use whole minor units (no fractions of a penny or cent).")
  .min(0, "Prices cannot be negative.")
  .max(1_000_000_000, "That price is too large.");
const typeIds = z
  .array(id)
  .min(1, "Choose at least one appointment type.")
  .max(50, "At most 50 types.")
  .refine((ids) => new Set(ids).size === ids.length, "Each type once.");

export const packagePlanBody = z.object({
  name: z.string().trim().min(1, "Name the package (e.g. 5 treatments).").max(120, "At most 120 characters."),
  sessions,
  typeIds,
  priceMinor: price,
  taxRateId: id.nullable().default(null),
  validityDays,
});

/** Spelled out rather than .partial(): defaults would reset omitted fields. */
export const packagePlanPatchBody = z.object({
  name: packagePlanBody.shape.name.optional(),
  sessions: sessions.optional(),
  typeIds: typeIds.optional(),
  priceMinor: price.optional(),
  taxRateId: id.nullable().optional(),
  validityDays: validityDays.optional(),
  archived: z.boolean().optional(),
  version: z.number().int().min(1),
});

export const packagePlanDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sessions: z.number(),
    typeIds: z.array(z.uuid()),
    typeNames: z.array(z.string()),
    priceMinor: z.number(),
    taxRateId: z.uuid().nullable(),
    validityDays: z.number(),
    archived: z.boolean(),
    version: z.number(),
  })
  .meta({ id: "PackagePlan" });
export type PackagePlanDto = z.infer<typeof packagePlanDto>;

export const sellPackageBody = z.object({ planId: id });

export const clientPackageDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sessionsTotal: z.number(),
    sessionsUsed: z.number(),
    sessionsLeft: z.number(),
    /** Last day of use in the clinic's zone (YYYY-MM-DD). */
    expiresOn: z.string(),
    expired: z.boolean(),
    invoiceId: z.uuid(),
    invoiceStatus: z.string(),
  })
  .meta({ id: "ClientPackage" });
export type ClientPackageDto = z.infer<typeof clientPackageDto>;

export const soldPackageDto = z.object({ package: clientPackageDto, invoiceId: z.uuid() }).meta({ id: "SoldPackage" });

/** Whole numbers typed in a form, checked with the request's own rule after conversion. */
const typedWhole = (rule: z.ZodNumber) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "Enter a whole number.")
    .transform(Number)
    .pipe(rule);

/** The plan editor's form: the request's fields, with numbers and the price as typed text. */
export const packagePlanForm = (parsePrice: (text: string) => number | null) =>
  packagePlanBody
    .extend({
      sessions: typedWhole(sessions),
      validityDays: typedWhole(validityDays),
      taxRateId: z.string(),
      price: z
        .string()
        .trim()
        .min(1, "Enter a price.")
        .refine((v) => parsePrice(v) !== null, "Enter a price such as 250.00."),
    })
    .omit({ priceMinor: true });
