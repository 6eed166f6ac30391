/**
 * Payment, refund and client account schemas (request and response). Amounts are integers in the
 * currency's minor unit. Not server-only: the take-payment form validates with them in the browser.
 */
import { z } from "zod";
import { isoInstant } from "@/lib/http/primitives";
import { PAYMENT_METHODS } from "./rules/constants";
import { clientPackageDto } from "./package-schemas";
import { id, positiveAmount, shortText } from "./schema-primitives";
import { invoiceSummaryDto } from "./schemas";

export const paymentBody = z.object({
  clientId: id,
  method: z.enum(PAYMENT_METHODS.filter((m) => m !== "online") as [string, ...string[]], "Choose how they paid."),
  amountMinor: positiveAmount,
  receivedAt: isoInstant().optional(),
  reference: shortText(100).default(""),
  payerName: shortText(120).default(""),
  /**
   * Where the money goes, in order. Omitted: the client's oldest unpaid invoices first. What
   * is left over stays on the account as credit.
   */
  allocations: z
    .array(z.object({ invoiceId: id, amountMinor: positiveAmount }))
    .max(50)
    .optional(),
});

export const refundBody = z.object({
  clientId: id,
  method: z.enum(["cash", "card", "bank_transfer", "online"], "Choose how the money goes back."),
  amountMinor: positiveAmount,
  reference: shortText(100).default(""),
});

export const paymentDto = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    kind: z.enum(["payment", "refund"]),
    method: z.enum(PAYMENT_METHODS),
    amountMinor: z.number(),
    currency: z.string(),
    receivedAt: z.string(),
    reference: z.string(),
    allocatedMinor: z.number(),
  })
  .meta({ id: "Payment" });
export type PaymentDto = z.infer<typeof paymentDto>;

export const statementEntryDto = z.object({
  at: z.string(),
  kind: z.enum(["invoice", "credit_note", "payment", "refund"]),
  id: z.uuid(),
  reference: z.string(),
  /** Positive: the client owes more; negative: less. */
  amountMinor: z.number(),
  balanceMinor: z.number(),
});

export const clientAccountDto = z
  .object({
    clientId: z.uuid(),
    clientName: z.string(),
    currency: z.string(),
    /** What the client owes (issued invoices not yet paid or credited). */
    owingMinor: z.number(),
    /** Money on account: payments and credit notes not applied to any invoice, less refunds. */
    creditMinor: z.number(),
    /** owing - credit: positive, the client owes; negative, the clinic owes the client. */
    balanceMinor: z.number(),
    entries: z.array(statementEntryDto),
    invoices: z.array(invoiceSummaryDto),
    /** Prepaid packages with sessions left and expiry. */
    packages: z.array(clientPackageDto),
  })
  .meta({ id: "ClientAccount" });
export type ClientAccount = z.infer<typeof clientAccountDto>;
