import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  date,
  integer,
  boolean,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { appointments } from "./scheduling";
import { MAX_MINOR, money, products, taxRates } from "./billing-setup";
import { INVOICE_STATUSES, PAYMENT_METHODS } from "../../lib/billing/rules/constants";

// Invoices, their lines, payments and allocations; the set-up they draw on is in billing-setup.ts.

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
