import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  date,
  integer,
  bigint,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { appointmentTypes, appointments } from "./scheduling";
import { invoices } from "./billing";
import { taxRates } from "./billing-setup";

/*
 * Prepaid packages: a plan ("5 treatments, £250, valid 180 days") is sold to a client as an
 * invoice line plus a client package; completing an appointment of a covered type draws one
 * session instead of charging the fee. Money is integer minor units, as in billing.ts.
 */

const MAX_MINOR = sql.raw("1000000000000");

/** What the clinic sells. Archived, never deleted: sold packages name their plan. */
export const packagePlans = pgTable(
  "package_plans",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    sessions: integer("sessions").notNull(),
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    taxRateId: uuid("tax_rate_id"),
    validityDays: integer("validity_days").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.taxRateId], foreignColumns: [taxRates.clinicId, taxRates.id] }),
    check("package_plans_sessions", sql`${t.sessions} between 1 and 100`),
    check("package_plans_price", sql`${t.priceMinor} between 0 and ${MAX_MINOR}`),
    check("package_plans_validity", sql`${t.validityDays} between 1 and 3660`),
  ],
);

/** The appointment types a plan covers. */
export const packagePlanTypes = pgTable(
  "package_plan_types",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    planId: uuid("plan_id").notNull(),
    typeId: uuid("type_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.planId, t.typeId] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [packagePlans.clinicId, packagePlans.id] }),
    foreignKey({ columns: [t.clinicId, t.typeId], foreignColumns: [appointmentTypes.clinicId, appointmentTypes.id] }),
  ],
);

/**
 * A package a client bought. Name, sessions, covered types and expiry are copied from the plan
 * at sale: editing the plan later never changes what the client paid for. `sessions_used`
 * only moves through a conditional update (used < total), so two completions at once never
 * draw the same last session; the CHECK is the database's own guard.
 */
export const clientPackages = pgTable(
  "client_packages",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    planId: uuid("plan_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    name: text("name").notNull(),
    typeIds: uuid("type_ids").array().notNull(),
    sessionsTotal: integer("sessions_total").notNull(),
    sessionsUsed: integer("sessions_used").notNull().default(0),
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    /** The last day it may be used, in the clinic's zone (inclusive). */
    expiresOn: date("expires_on").notNull(),
    soldBy: uuid("sold_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [packagePlans.clinicId, packagePlans.id] }),
    foreignKey({ columns: [t.clinicId, t.invoiceId], foreignColumns: [invoices.clinicId, invoices.id] }),
    index("client_packages_client_idx").on(t.clinicId, t.clientId, t.expiresOn),
    check("client_packages_total", sql`${t.sessionsTotal} > 0`),
    check("client_packages_used", sql`${t.sessionsUsed} between 0 and ${t.sessionsTotal}`),
    check("client_packages_price", sql`${t.priceMinor} between 0 and ${MAX_MINOR}`),
  ],
);

/**
 * One session drawn for one appointment. A give-back (the appointment is un-completed) stamps
 * returned_at; the partial unique index allows one live draw per appointment, so completing
 * twice draws once.
 */
export const packageRedemptions = pgTable(
  "package_redemptions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    packageId: uuid("package_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    sessionNumber: integer("session_number").notNull(),
    redeemedAt: timestamp("redeemed_at", { withTimezone: true }).notNull().defaultNow(),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.packageId], foreignColumns: [clientPackages.clinicId, clientPackages.id] }),
    foreignKey({ columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }),
    uniqueIndex("package_redemptions_live_key")
      .on(t.clinicId, t.appointmentId)
      .where(sql`${t.returnedAt} is null`),
    index("package_redemptions_package_idx").on(t.clinicId, t.packageId),
    check("package_redemptions_session", sql`${t.sessionNumber} >= 1`),
  ],
);
