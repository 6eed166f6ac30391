import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  date,
  integer,
  primaryKey,
  index,
  uniqueIndex,
  boolean,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";

/** A client (patient) record. Never hard-deleted from the UI: archived_at is the soft delete. */
export const clients = pgTable(
  "clients",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    preferredName: text("preferred_name"),
    dateOfBirth: date("date_of_birth"),
    email: text("email"),
    phone: text("phone"),
    // The portal login linked to this record, once the client accepts an invitation.
    userId: uuid("user_id").references(() => users.id),
    /** Set by staff (safety, repeated no-shows): the portal refuses online booking with a neutral message. */
    doNotBookOnlineReason: text("do_not_book_online_reason"),
    /** Set when the record was created by a booking on the public page: a new client, not yet seen. */
    selfBookedAt: timestamp("self_booked_at", { withTimezone: true }),
    /**
     * How the client wants to hear from the clinic (lib/delivery/rules/channels.ts): "none" stops the
     * non-essential messages (reminders); a booking, change or cancellation still goes by email.
     */
    messageChannel: text("message_channel", { enum: ["email", "sms", "both", "none"] })
      .notNull()
      .default("email"),
    /** Consent to text messages, and when and how it was last given or withdrawn (audit keeps the history). */
    smsConsent: boolean("sms_consent").notNull().default(false),
    smsConsentAt: timestamp("sms_consent_at", { withTimezone: true }),
    smsConsentSource: text("sms_consent_source", { enum: ["staff", "portal"] }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /**
     * What client search matches, kept by the database: names and email in lower case, separated by spaces
     * (search terms never hold a space, so a term cannot match across two fields), and the phone's digits
     * alone, so "07700 900002" finds "+44 7700 900002". Trigram indexes serve the '%term%' searches.
     */
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(
        sql`lower(first_name || ' ' || last_name || ' ' || coalesce(preferred_name, '') || ' ' || coalesce(email, ''))`,
      ),
    phoneDigits: text("phone_digits")
      .notNull()
      .generatedAlwaysAs(sql`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    // One client record per person per clinic.
    uniqueIndex("clients_clinic_user_key").on(t.clinicId, t.userId),
    index("clients_clinic_name_idx").on(t.clinicId, sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
    index("clients_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("clients_phone_digits_trgm_idx").using("gin", t.phoneDigits.op("gin_trgm_ops")),
    check("clients_message_channel", sql`${t.messageChannel} in ('email', 'sms', 'both', 'none')`),
    check(
      "clients_sms_consent_source",
      sql`${t.smsConsentSource} is null or ${t.smsConsentSource} in ('staff', 'portal')`,
    ),
    // SMS is chosen only with consent: the database refuses a text-only preference without it.
    check("clients_sms_needs_consent", sql`${t.messageChannel} not in ('sms', 'both') or ${t.smsConsent}`),
  ],
);
