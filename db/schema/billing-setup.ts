import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  bigint,
  boolean,
  primaryKey,
  foreignKey,
  uniqueIndex,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { appointmentTypes } from "./scheduling";

/*
 * Billing. Money is integer minor units (pence, cents, yen) in the clinic's ISO 4217 currency, stored as bigint read
 * as a JS number (bounded well below 2^53 by CHECKs). Rounding happens only in lib/billing/rules/money.ts.
 */

export const MAX_MINOR = sql.raw("1000000000000"); // 10^12 minor units: far above any clinic invoice.
export const money = (name: string) => bigint(name, { mode: "number" });

// Billing set-up: settings, therapist registrations, tax rates, prices, products and number counters.
// Invoices, payments and allocations are in billing.ts.

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
