/**
 * Billing request and response schemas. Amounts travel as integers in the currency's minor
 * unit (pence, cents); forms convert what people type with parseMajorToMinor.
 * Not server-only: forms validate with the same schemas in the browser.
 */
import { z } from "zod";
import { changesSomething, isoDate } from "@/lib/http/primitives";
import { isKnownCurrency } from "./rules/money";
import { INVOICE_STATUSES } from "./rules/constants";
import { amount, basisPoints, id, MAX_AMOUNT_MINOR, positiveAmount, shortText } from "./schema-primitives";

export { MAX_AMOUNT_MINOR };

/** ICD-10 codes such as M79.1 (myalgia) or M79.18: a letter, two digits, optional dot and up to 4 more. */
export const icd10Code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-TV-Z]\d{2}(\.[0-9A-Z]{1,4})?$/, "Use an ICD-10 code such as M79.1.");

export const invoiceParams = z.object({ invoiceId: z.uuid() });
export const myInvoiceParams = z.object({ myInvoiceId: z.uuid() });
export const paymentParams = z.object({ paymentId: z.uuid() });
export const clientAccountParams = z.object({ clientId: z.uuid() });
export const appointmentInvoiceParams = z.object({ appointmentId: z.uuid() });
export const taxRateParams = z.object({ taxRateId: z.uuid() });
export const productParams = z.object({ productId: z.uuid() });
export const priceParams = z.object({ priceId: z.uuid() });

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, "Use an ISO 4217 currency code such as GBP, EUR or AUD.");

export const billingSettingsBody = z.object({
  currency: currencyCode,
  businessName: shortText(200),
  businessAddress: shortText(500),
  taxNumber: shortText(50),
  pricesIncludeTax: z.boolean(),
  defaultTaxRateId: id.nullable(),
  autoInvoice: z.boolean(),
  paymentTermsDays: z.number("Enter a number of days.").int("Use whole days.").min(0, "0 to 365 days.").max(365),
  invoicePrefix: shortText(12).regex(/^[A-Za-z0-9-/]*$/, "Letters, digits, - and / only."),
  billingForTherapists: z.boolean(),
  version: z.number().int().min(1),
});

export const billingSettingsDto = billingSettingsBody
  .omit({ version: true })
  .extend({ version: z.number(), minorDigits: z.number() })
  .meta({ id: "BillingSettings" });
export type BillingSettingsDto = z.infer<typeof billingSettingsDto>;

export const registrationBody = z.object({
  userId: id,
  registrationNumber: shortText(60),
});

export const taxRateBody = z.object({
  name: shortText(60).min(1, "Name the rate (e.g. VAT 20%)."),
  rateBp: basisPoints("a rate"),
});
export const taxRatePatchBody = taxRateBody
  .partial()
  .extend({ archived: z.boolean().optional() })
  .refine(...changesSomething);
export const taxRateDto = z
  .object({ id: z.uuid(), name: z.string(), rateBp: z.number(), archived: z.boolean() })
  .meta({ id: "TaxRate" });

export const priceBody = z.object({
  typeId: id,
  therapistUserId: id.nullable().default(null),
  amountMinor: amount("a fee"),
  taxRateId: id.nullable().default(null),
  procedureCode: shortText(20).nullable().default(null),
});
export const priceDto = z
  .object({
    id: z.uuid(),
    typeId: z.uuid(),
    typeName: z.string(),
    therapistUserId: z.uuid().nullable(),
    therapistName: z.string().nullable(),
    amountMinor: z.number(),
    taxRateId: z.uuid().nullable(),
    procedureCode: z.string().nullable(),
  })
  .meta({ id: "ServicePrice" });

export const productBody = z.object({
  name: shortText(120).min(1, "Name the product."),
  sku: shortText(40).nullable().default(null),
  priceMinor: amount("a price"),
  taxRateId: id.nullable().default(null),
});
// Spelled out rather than productBody.partial(): the defaults above would reset omitted fields.
export const productPatchBody = z
  .object({
    name: shortText(120).min(1, "Name the product.").optional(),
    sku: shortText(40).nullable().optional(),
    priceMinor: amount("a price").optional(),
    taxRateId: id.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .refine(...changesSomething);
export const productDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sku: z.string().nullable(),
    priceMinor: z.number(),
    taxRateId: z.uuid().nullable(),
    archived: z.boolean(),
  })
  .meta({ id: "Product" });

export const LINE_KINDS = ["service", "product", "discount", "other"] as const;

export const invoiceLineInput = z
  .object({
    kind: z.enum(LINE_KINDS),
    description: shortText(200).min(1, "Describe the line."),
    productId: id.nullable().default(null),
    procedureCode: shortText(20).nullable().default(null),
    quantity: z
      .number("Enter a quantity.")
      .int("Whole quantities only.")
      .min(1, "At least 1.")
      .max(1000, "At most 1000."),
    unitPriceMinor: z
      .number("Enter a price.")
      .int("Use whole minor units.")
      .min(-MAX_AMOUNT_MINOR)
      .max(MAX_AMOUNT_MINOR, "That amount is too large."),
    discountBp: basisPoints("a discount").default(0),
    taxRateId: id.nullable().default(null),
  })
  .superRefine((l, ctx) => {
    if (l.kind === "discount" ? l.unitPriceMinor > 0 : l.unitPriceMinor < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["unitPriceMinor"],
        message: l.kind === "discount" ? "A discount line is zero or negative." : "Only a discount line is negative.",
      });
    }
  });

export const draftInvoiceBody = z.object({
  clientId: id,
  therapistUserId: id.nullable().default(null),
  serviceDate: isoDate().nullable().default(null),
  lines: z.array(invoiceLineInput).max(50, "At most 50 lines.").default([]),
  diagnosisCodes: z.array(icd10Code).max(6, "At most 6 codes.").default([]),
  notes: shortText(1000).default(""),
});

export const updateDraftBody = draftInvoiceBody.omit({ clientId: true }).extend({ version: z.number().int().min(1) });
export const versionBody = z.object({ version: z.number().int().min(1) });
export const voidBody = versionBody.extend({ reason: shortText(300).min(3, "Say why the invoice is void.") });

export const creditNoteBody = z.object({
  reason: shortText(300).min(3, "Say why the invoice is credited."),
  /** Omitted: credit the whole invoice. Otherwise an amount (one line, at the invoice's main tax rate). */
  amountMinor: positiveAmount.optional(),
});

export const invoiceLineDto = z.object({
  id: z.uuid(),
  kind: z.enum(LINE_KINDS),
  description: z.string(),
  procedureCode: z.string().nullable(),
  quantity: z.number(),
  unitPriceMinor: z.number(),
  discountBp: z.number(),
  productId: z.uuid().nullable(),
  taxRateId: z.uuid().nullable(),
  taxRateBp: z.number(),
  taxName: z.string(),
  netMinor: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
});

export const invoiceSummaryDto = z
  .object({
    id: z.uuid(),
    kind: z.enum(["invoice", "credit_note"]),
    number: z.string().nullable(),
    status: z.enum(INVOICE_STATUSES),
    clientId: z.uuid(),
    clientName: z.string(),
    serviceDate: z.string().nullable(),
    issueDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    currency: z.string(),
    totalMinor: z.number(),
    allocatedMinor: z.number(),
    balanceMinor: z.number(),
  })
  .meta({ id: "InvoiceSummary" });
export type InvoiceSummary = z.infer<typeof invoiceSummaryDto>;

export const invoiceDetailDto = invoiceSummaryDto
  .extend({
    appointmentId: z.uuid().nullable(),
    creditsInvoiceId: z.uuid().nullable(),
    creditsInvoiceNumber: z.string().nullable(),
    therapistUserId: z.uuid().nullable(),
    therapistName: z.string().nullable(),
    therapistRegistration: z.string().nullable(),
    businessName: z.string(),
    businessAddress: z.string(),
    taxNumber: z.string(),
    clientEmail: z.string().nullable(),
    clientDateOfBirth: z.string().nullable(),
    taxInclusive: z.boolean(),
    subtotalMinor: z.number(),
    taxMinor: z.number(),
    diagnosisCodes: z.array(z.string()),
    notes: z.string(),
    voidReason: z.string().nullable(),
    lines: z.array(invoiceLineDto),
    payments: z.array(
      z.object({
        paymentId: z.uuid().nullable(),
        creditNoteId: z.uuid().nullable(),
        method: z.string(),
        amountMinor: z.number(),
        at: z.string(),
      }),
    ),
    version: z.number(),
  })
  .meta({ id: "InvoiceDetail" });
export type InvoiceDetail = z.infer<typeof invoiceDetailDto>;

export const listInvoicesQuery = z.object({
  status: z.enum([...INVOICE_STATUSES, "unpaid"]).optional(),
  clientId: z.uuid().optional(),
  kind: z.enum(["invoice", "credit_note"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
