import { pgTable, uuid, text, timestamp, integer, index } from "drizzle-orm/pg-core";
import { clinics } from "./clinics-users";

/**
 * Every email the app sends is written here first (in the same transaction as the
 * change that caused it), then delivered through SMTP when it is configured.
 * Global, with an optional clinic: a password reset belongs to a person, not a clinic.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    kind: text("kind").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "skipped"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_status_idx").on(t.status, t.createdAt),
    index("email_outbox_clinic_idx").on(t.clinicId, t.createdAt),
  ],
);
