import { pgTable, uuid, text, timestamp, primaryKey, foreignKey, index } from "drizzle-orm/pg-core";
import { clinics } from "./clinics-users";
import { appointments } from "./scheduling";

/**
 * Short links in text messages (lib/messaging/short-link.ts): `/m/<token>` stands for the signed
 * appointment link, which is too long for one SMS segment. Only a hash of the token is kept, so the
 * table gives nobody a working link; a row stops working when the appointment starts, as the signed
 * link does, and goes with its appointment or, once expired, with the nightly prune.
 */
export const messageLinks = pgTable(
  "message_links",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** SHA-256 of the token, base64url. */
    tokenHash: text("token_hash").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.tokenHash] }),
    // Opened without knowing the clinic: found by the hash alone.
    index("message_links_token_idx").on(t.tokenHash),
    // The nightly prune (lib/messaging/short-link-prune.ts) finds expired rows by this.
    index("message_links_expires_idx").on(t.expiresAt),
    foreignKey({
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }).onDelete("cascade"),
  ],
);
