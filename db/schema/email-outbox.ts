import { sql } from "drizzle-orm";
import { pgTable, uuid, text, timestamp, integer, index, jsonb, uniqueIndex, check } from "drizzle-orm/pg-core";
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
    /** The HTML alternative (lib/messaging templates); null for plain-text-only mail. */
    bodyHtml: text("body_html"),
    /** Small attachments kept with the message (an appointment's .ics), so a retry sends the same bytes. */
    attachments: jsonb("attachments").$type<OutboxAttachment[]>(),
    /** The client and appointment a message is about: the client's message log and the "already told?" check. */
    clientId: uuid("client_id"),
    appointmentId: uuid("appointment_id"),
    /** What an appointment message told the client (time, therapist, room): a later change compares against it. */
    about: jsonb("about").$type<Record<string, string | null>>(),
    kind: text("kind").notNull(),
    /** Email, or a text message (lib/delivery/sms): to_address then holds the E.164 number, body_text the text. */
    channel: text("channel", { enum: ["email", "sms"] })
      .notNull()
      .default("email"),
    /** The SMS provider's id for the message (Twilio's MessageSid): its delivery callbacks name it. */
    providerMessageId: text("provider_message_id"),
    /** What the provider last reported (queued, sent, delivered, undelivered, failed); only ever moves forward. */
    deliveryStatus: text("delivery_status"),
    deliveryUpdatedAt: timestamp("delivery_updated_at", { withTimezone: true }),
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
    index("email_outbox_client_idx").on(t.clinicId, t.clientId, t.createdAt),
    index("email_outbox_appointment_idx").on(t.clinicId, t.appointmentId, t.createdAt),
    uniqueIndex("email_outbox_provider_message_key").on(t.providerMessageId),
    check("email_outbox_channel", sql`${t.channel} in ('email', 'sms')`),
  ],
);

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (calendar files), or base64 when `encoding` says so (a PDF receipt). */
  content: string;
  /** Set for binary files: nodemailer decodes `content` before attaching it. */
  encoding?: "base64";
}
