import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  date,
  integer,
  bigint,
  boolean,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { appointmentTypes, appointments } from "./scheduling";
import { INVOICE_STATUSES, PAYMENT_METHODS } from "../../lib/billing/rules/constants";

/*
 * Billing. Money is integer minor units (pence, cents, yen) in the clinic's ISO 4217 currency, stored as bigint read
 * as a JS number (bounded well below 2^53 by CHECKs). Rounding happens only in lib/billing/rules/money.ts.
 */

const MAX_MINOR = sql.raw("1000000000000"); // 10^12 minor units: far above any clinic invoice.
const money = (name: string) => bigint(name, { mode: "number" });

/** One row per clinic: currency, business details printed on invoices, and invoicing defaults. */
export const billingSettings = pgTable(
  "billing_settings",
  {
    clinicId: uuid("clinic_id")
      .primaryKey()
      .references(() => clinics.id),
    currency: text("currency").notNull().default("GBP"),
    businessName: text("business_name").notNull().default(""),
    businessAddress: text("business_address").notNull().default(""),
    taxNumber: text("tax_number").notNull().default(""),
    /** Prices entered include tax (VAT-inclusive pricing, usual for consumer services) or exclude it. */
    pricesIncludeTax: boolean("prices_include_tax").notNull().default(true),
    /** The tax rate new price lines get unless the price or product names another. */
    defaultTaxRateId: uuid("default_tax_rate_id"),
    /** Completing an appointment drafts its invoice at once (otherwise one click on the appointment). */
    autoInvoice: boolean("auto_invoice").notNull().default(false),
    paymentTermsDays: integer("payment_terms_days").notNull().default(14),
    invoicePrefix: text("invoice_prefix").notNull().default("INV-"),
    creditNotePrefix: text("credit_note_prefix").notNull().default("CN-"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("billing_settings_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("billing_settings_terms", sql`${t.paymentTermsDays} between 0 and 365`),
  ],
);

/** A therapist's professional registration number, printed on insurance receipts. */
export const therapistRegistrations = pgTable(
  "therapist_registrations",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    registrationNumber: text("registration_number").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.userId] })],
);

/** VAT / GST rates in basis points (2000 = 20 %); archived, never deleted (issued lines name them). */
export const taxRates = pgTable(
  "tax_rates",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    rateBp: integer("rate_bp").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] }), check("tax_rates_rate", sql`${t.rateBp} between 0 and 10000`)],
);

/** The fee of an appointment type, optionally a therapist's own fee for it. */
export const servicePrices = pgTable(
  "service_prices",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    typeId: uuid("type_id").notNull(),
    therapistUserId: uuid("therapist_user_id").references(() => users.id),
    amountMinor: money("amount_minor").notNull(),
    taxRateId: uuid("tax_rate_id"),
    procedureCode: text("procedure_code"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.typeId], foreignColumns: [appointmentTypes.clinicId, appointmentTypes.id] }),
    foreignKey({ columns: [t.clinicId, t.taxRateId], foreignColumns: [taxRates.clinicId, taxRates.id] }),
    // One clinic-wide fee per type, and at most one own fee per therapist.
    uniqueIndex("service_prices_type_key")
      .on(t.clinicId, t.typeId)
      .where(sql`${t.therapistUserId} is null`),
    uniqueIndex("service_prices_type_therapist_key")
      .on(t.clinicId, t.typeId, t.therapistUserId)
      .where(sql`${t.therapistUserId} is not null`),
    check("service_prices_amount", sql`${t.amountMinor} between 0 and ${MAX_MINOR}`),
  ],
);

/** Things the clinic sells: massage balls, foam rollers, trigger-point sticks. */
export const products = pgTable(
  "products",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    sku: text("sku"),
    priceMinor: money("price_minor").notNull(),
    taxRateId: uuid("tax_rate_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.taxRateId], foreignColumns: [taxRates.clinicId, taxRates.id] }),
    check("products_price", sql`${t.priceMinor} between 0 and ${MAX_MINOR}`),
  ],
);

/**
 * The next number per clinic and document kind, updated in the issuing transaction: the row lock queues concurrent
 * issuers and a rollback gives the number back, so no gaps and no duplicates (a sequence leaves gaps on rollback).
 */
export const billingCounters = pgTable(
  "billing_counters",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    kind: text("kind", { enum: ["invoice", "credit_note"] }).notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.kind] })],
);

/**
 * Invoices and credit notes (kind). Once issued, only the payment state may change (status, allocated_minor, void):
 * a trigger refuses everything else and every delete. Business, therapist and client details are copied at issue.
 */
export const invoices = pgTable(
  "invoices",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    kind: text("kind", { enum: ["invoice", "credit_note"] })
      .notNull()
      .default("invoice"),
    number: integer("number"),
    status: text("status", { enum: INVOICE_STATUSES }).notNull().default("draft"),
    clientId: uuid("client_id").notNull(),
    appointmentId: uuid("appointment_id"),
    /** For a credit note: the invoice it corrects. */
    creditsInvoiceId: uuid("credits_invoice_id"),
    therapistUserId: uuid("therapist_user_id").references(() => users.id),
    serviceDate: date("service_date"),
    issueDate: date("issue_date"),
    dueDate: date("due_date"),
    currency: text("currency").notNull(),
    taxInclusive: boolean("tax_inclusive").notNull(),
    subtotalMinor: money("subtotal_minor").notNull().default(0),
    taxMinor: money("tax_minor").notNull().default(0),
    totalMinor: money("total_minor").notNull().default(0),
    /** Payments and credits applied to this invoice (or, for a credit note, applied from it). */
    allocatedMinor: money("allocated_minor").notNull().default(0),
    diagnosisCodes: text("diagnosis_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text("notes").notNull().default(""),
    displayNumber: text("display_number"),
    businessName: text("business_name"),
    businessAddress: text("business_address"),
    taxNumber: text("tax_number"),
    therapistName: text("therapist_name"),
    therapistRegistration: text("therapist_registration"),
    clientName: text("client_name"),
    clientEmail: text("client_email"),
    clientDateOfBirth: date("client_date_of_birth"),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidReason: text("void_reason"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }),
    foreignKey({ columns: [t.clinicId, t.creditsInvoiceId], foreignColumns: [t.clinicId, t.id] }),
    uniqueIndex("invoices_number_key").on(t.clinicId, t.kind, t.number),
    // One live invoice per appointment: a second click finds the first.
    uniqueIndex("invoices_appointment_key")
      .on(t.clinicId, t.appointmentId)
      .where(sql`${t.kind} = 'invoice' and ${t.status} <> 'void'`),
    index("invoices_client_idx").on(t.clinicId, t.clientId, t.createdAt),
    index("invoices_open_idx").on(t.clinicId, t.status, t.issueDate),
    index("invoices_issue_date_idx").on(t.clinicId, t.issueDate),
    index("invoices_unpaid_idx")
      .on(t.clinicId, t.issueDate, t.number)
      .where(sql`${t.kind} = 'invoice' and ${t.status} in ('issued', 'partly_paid')`),
    check("invoices_totals", sql`${t.totalMinor} between 0 and ${MAX_MINOR} and ${t.taxMinor} >= 0`),
    check("invoices_allocated", sql`${t.allocatedMinor} between 0 and ${t.totalMinor}`),
    check("invoices_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("invoices_numbered", sql`(${t.status} = 'draft') = (${t.number} is null)`),
    check("invoices_credit_target", sql`(${t.kind} = 'credit_note') = (${t.creditsInvoiceId} is not null)`),
  ],
);

/** Lines with their rounded results (lib/billing/rules/money.ts computes them). */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["service", "product", "discount", "other"] }).notNull(),
    description: text("description").notNull(),
    productId: uuid("product_id"),
    procedureCode: text("procedure_code"),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: money("unit_price_minor").notNull(),
    discountBp: integer("discount_bp").notNull().default(0),
    /** The clinic rate chosen (a draft is edited with it); its rate and name are copied beside it. */
    taxRateId: uuid("tax_rate_id"),
    taxRateBp: integer("tax_rate_bp").notNull().default(0),
    taxName: text("tax_name").notNull().default(""),
    netMinor: money("net_minor").notNull(),
    taxMinor: money("tax_minor").notNull(),
    totalMinor: money("total_minor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.invoiceId], foreignColumns: [invoices.clinicId, invoices.id] }),
    foreignKey({ columns: [t.clinicId, t.productId], foreignColumns: [products.clinicId, products.id] }),
    foreignKey({ columns: [t.clinicId, t.taxRateId], foreignColumns: [taxRates.clinicId, taxRates.id] }),
    index("invoice_lines_invoice_idx").on(t.clinicId, t.invoiceId, t.position),
    check("invoice_lines_quantity", sql`${t.quantity} between 1 and 1000`),
    check("invoice_lines_discount", sql`${t.discountBp} between 0 and 10000`),
    check("invoice_lines_tax", sql`${t.taxRateBp} between 0 and 10000`),
    // Only a discount line may be negative; a discount line never is positive.
    check(
      "invoice_lines_sign",
      sql`(${t.kind} = 'discount' and ${t.unitPriceMinor} <= 0) or (${t.kind} <> 'discount' and ${t.unitPriceMinor} >= 0)`,
    ),
    check("invoice_lines_sum", sql`${t.netMinor} + ${t.taxMinor} = ${t.totalMinor}`),
  ],
);

/**
 * Money in (payment) and out (refund), per client. Append-only: a wrong payment is corrected by a refund, never
 * edited. What is not allocated to invoices is the client's account credit.
 */
export const payments = pgTable(
  "payments",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    kind: text("kind", { enum: ["payment", "refund"] }).notNull(),
    method: text("method", { enum: PAYMENT_METHODS }).notNull(),
    amountMinor: money("amount_minor").notNull(),
    currency: text("currency").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    reference: text("reference").notNull().default(""),
    payerName: text("payer_name").notNull().default(""),
    /** The payment provider's id (a Stripe Checkout Session): a replayed webhook finds it. */
    providerRef: text("provider_ref"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    uniqueIndex("payments_provider_ref_key").on(t.clinicId, t.providerRef),
    index("payments_client_idx").on(t.clinicId, t.clientId, t.receivedAt),
    index("payments_received_idx").on(t.clinicId, t.receivedAt),
    check("payments_amount", sql`${t.amountMinor} between 1 and ${MAX_MINOR}`),
  ],
);

/** Part of a payment or of a credit note applied to an invoice. Append-only. */
export const allocations = pgTable(
  "allocations",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    invoiceId: uuid("invoice_id").notNull(),
    paymentId: uuid("payment_id"),
    creditNoteId: uuid("credit_note_id"),
    amountMinor: money("amount_minor").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.invoiceId], foreignColumns: [invoices.clinicId, invoices.id] }),
    foreignKey({ columns: [t.clinicId, t.paymentId], foreignColumns: [payments.clinicId, payments.id] }),
    foreignKey({ columns: [t.clinicId, t.creditNoteId], foreignColumns: [invoices.clinicId, invoices.id] }),
    index("allocations_invoice_idx").on(t.clinicId, t.invoiceId),
    index("allocations_payment_idx").on(t.clinicId, t.paymentId),
    check("allocations_amount", sql`${t.amountMinor} between 1 and ${MAX_MINOR}`),
    check("allocations_source", sql`(${t.paymentId} is null) <> (${t.creditNoteId} is null)`),
  ],
);
