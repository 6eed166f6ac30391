import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  primaryKey,
  index,
  uniqueIndex,
  boolean,
  integer,
  jsonb,
  check,
} from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";
import { CLINIC_LOCALES } from "../../lib/format/clinic-locales";

/** The tenant. Every clinic-owned row carries its id. */
/** Units an algometer shows (domain reference §3); the canonical kPa value is stored beside each reading. */
export const ALGOMETER_UNITS = ["kgf/cm2", "N/cm2", "lbf/in2", "kPa"] as const;
const algometerUnitSql = sql.raw(ALGOMETER_UNITS.map((u) => `'${u}'`).join(", "));
const clinicLocaleSql = sql.raw(CLINIC_LOCALES.map((l) => `'${l}'`).join(", "));

export const clinics = pgTable(
  "clinics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    timezone: text("timezone").notNull().default("Europe/London"),
    /** How dates and times are written for this clinic (with `timezone`): lib/format/clinic-format.ts. */
    locale: text("locale", { enum: CLINIC_LOCALES }).notNull().default("en-GB"),
    cancellationNoticeHours: integer("cancellation_notice_hours").notNull().default(24),
    onlineBooking: boolean("online_booking").notNull().default(false),
    /** The public page /book/{slug}: new clients book without signing in (lib/scheduling/public-booking). */
    publicBooking: boolean("public_booking").notNull().default(false),
    /** Hours from now before the first time the public page offers. */
    publicLeadHours: integer("public_lead_hours").notNull().default(24),
    /** Days ahead the public page offers times. */
    publicHorizonDays: integer("public_horizon_days").notNull().default(28),
    /** A confirmed public request waits for a therapist to accept it instead of booking at once. */
    publicRequiresApproval: boolean("public_requires_approval").notNull().default(false),
    /** Origins (https://clinic.example) allowed to frame the public page: its frame-ancestors. */
    embedOrigins: jsonb("embed_origins").$type<string[]>().notNull().default([]),
    /** Wording across the UI and printouts: massage therapists vs physiotherapists. */
    scopeWording: text("scope_wording", { enum: ["self_care", "home_exercise"] })
      .notNull()
      .default("self_care"),
    /** Opening hours per ISO weekday (1 = Monday), wall-clock in the clinic's zone. */
    openingHours: jsonb("opening_hours")
      .$type<{ weekday: number; start: string; end: string }[]>()
      .notNull()
      .default([]),
    /** Clients whose weekly programme adherence falls below this percentage are listed on the dashboard. */
    adherenceThresholdPct: integer("adherence_threshold_pct").notNull().default(50),
    /** Hours before an appointment its email reminder goes out (0 = no reminders). */
    reminderHoursBefore: integer("reminder_hours_before").notNull().default(24),
    /**
     * Quiet hours for text messages, minutes after midnight in the clinic's zone (e.g. 1200–480 is
     * 20:00–08:00, across midnight): an SMS due inside them waits for their end. Both null: none.
     */
    smsQuietStartMinute: integer("sms_quiet_start_minute"),
    smsQuietEndMinute: integer("sms_quiet_end_minute"),
    /** The unit the finding editor starts on until a therapist has used another one. */
    algometerUnit: text("algometer_unit", { enum: ALGOMETER_UNITS }).notNull().default("kgf/cm2"),
    /** Minutes without activity after which a staff member's session ends (a clinic-wide setting). */
    staffIdleTimeoutMinutes: integer("staff_idle_timeout_minutes").notNull().default(30),
    /** Staff must sign in with an authenticator code; clients are offered it, never required. */
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    /** Therapists hold billing.manage too (small clinics where the therapist takes the payment). */
    billingForTherapists: boolean("billing_for_therapists").notNull().default(false),
    /** Dry needling is within the clinic's practitioners' scope: its consent form is offered. */
    offersDryNeedling: boolean("offers_dry_needling").notNull().default(false),
    /** NDI meaningful-change threshold (raw 0-50 points): 10 (Young 2009, reference default) or 5 (Vernon). */
    ndiThresholdPoints: integer("ndi_threshold_points").notNull().default(10),
    /** NDI/ODI sections that may be skipped and still be pro-rated (reference default 1). */
    maxSkippedSections: integer("max_skipped_sections").notNull().default(1),
    settingsVersion: integer("settings_version").notNull().default(1),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("clinics_algometer_unit", sql`${t.algometerUnit} in (${algometerUnitSql})`),
    check("clinics_staff_idle_timeout_range", sql`${t.staffIdleTimeoutMinutes} between 5 and 720`),
    check("clinics_locale", sql`${t.locale} in (${clinicLocaleSql})`),
    check(
      "clinics_sms_quiet_hours",
      sql`(${t.smsQuietStartMinute} is null and ${t.smsQuietEndMinute} is null) or (${t.smsQuietStartMinute} between 0 and 1439 and ${t.smsQuietEndMinute} between 0 and 1439 and ${t.smsQuietStartMinute} <> ${t.smsQuietEndMinute})`,
    ),
    check("clinics_ndi_threshold_points", sql`${t.ndiThresholdPoints} in (5, 10)`),
    check("clinics_max_skipped_sections", sql`${t.maxSkippedSections} between 0 and 3`),
    check("clinics_public_lead_hours", sql`${t.publicLeadHours} between 0 and 720`),
    check("clinics_public_horizon_days", sql`${t.publicHorizonDays} between 1 and 365`),
  ],
);

/**
 * A staff member's remembered choices in one clinic. The algometer unit is the last one they saved
 * readings in, so a therapist whose device shows kPa is not put back on the clinic's kg/cm² each visit.
 */
export const staffPreferences = pgTable(
  "staff_preferences",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    algometerUnit: text("algometer_unit", { enum: ALGOMETER_UNITS }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.userId] }),
    check(
      "staff_preferences_algometer_unit",
      sql`${t.algometerUnit} is null or ${t.algometerUnit} in (${algometerUnitSql})`,
    ),
  ],
);

/** One global identity per person; email is unique across the deployment. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    // Null until the person accepts an invitation and sets a password.
    passwordHash: text("password_hash"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

/** A person's role in a clinic. One row per role: an owner who treats holds admin and therapist. */
export const memberships = pgTable(
  "memberships",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: roleEnum("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.userId, t.role] }), index("memberships_user_idx").on(t.userId)],
);

/** Failed and successful sign-ins, kept in the database so the limit holds across app servers. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_at_idx").on(t.email, t.at)],
);

/** One-time password reset links; global because a password belongs to the person, not a clinic. */
export const passwordResets = pgTable("password_resets", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
