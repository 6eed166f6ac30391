import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { REMINDER_KIND } from "@/lib/messaging/reminders/still-as-told";

export interface ClientMessage {
  id: string;
  /** What the message was, in the front desk's words ("Booking confirmation"). */
  label: string;
  subject: string;
  to: string;
  status: "pending" | "sent" | "failed" | "skipped";
  /** Email or text message (SMS). */
  channel: "email" | "sms";
  /** Why it was not sent or not delivered, in words ("SMS not configured"); null otherwise. */
  reason: string | null;
  /** For a text: what the provider last said (delivered, undelivered …), null until it reports. */
  delivery: string | null;
  createdAt: string;
  sentAt: string | null;
}

const LABELS: Record<string, string> = {
  "appointment.booked": "Booking confirmation",
  "appointment.changed": "Appointment changed",
  "appointment.cancelled": "Cancellation",
  "appointment.reminder": "Reminder",
  "series.booked": "Series confirmation",
  "series.cancelled": "Series cancellation",
  [REMINDER_KIND]: "Reminder",
};

/** The outbox's reason codes in the front desk's words; reasons written as words pass through. */
function reasonWords(code: string | null, status: "skipped" | "failed"): string | null {
  if (!code) return status === "skipped" ? "email not set up" : null;
  if (code === "StaleReminder") return "the appointment changed or was cancelled first";
  if (code === "MailRefused") return "the mail server refused the address";
  if (code.startsWith("SmsRefused")) return "the SMS provider refused the number";
  if (code.startsWith("SmsUndelivered")) return "the phone network could not deliver it";
  if (/^[A-Z][A-Za-z]+(:\w+)?$/.test(code)) return "could not be sent";
  return code;
}

/**
 * The message log on the client page: what the clinic told this client and whether it went out, newest first,
 * so the front desk can answer "did you send me the new time?" without opening the admin outbox. Subjects only:
 * the bodies stay in the outbox (they say nothing clinical, but the log needs no more). Staff who read clients.
 */
export async function listClientMessages(
  db: Db,
  actor: Actor,
  clientId: string,
  limit = 10,
): Promise<{ messages: ClientMessage[]; total: number }> {
  assertCan(actor, "clients.read");
  const mine = and(clinicScope(actor, emailOutbox), eq(emailOutbox.clientId, clientId));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        kind: emailOutbox.kind,
        subject: emailOutbox.subject,
        to: emailOutbox.toAddress,
        status: emailOutbox.status,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
        channel: emailOutbox.channel,
        lastError: emailOutbox.lastError,
        delivery: emailOutbox.deliveryStatus,
      })
      .from(emailOutbox)
      .where(mine)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(limit),
    db.select({ n: count() }).from(emailOutbox).where(mine),
  ]);
  return {
    messages: rows.map(({ kind, createdAt, sentAt, lastError, ...r }) => ({
      ...r,
      reason: r.status === "skipped" || r.status === "failed" ? reasonWords(lastError, r.status) : null,
      label: LABELS[kind] ?? (r.channel === "sms" ? "Text message" : "Email"),
      createdAt: createdAt.toISOString(),
      sentAt: sentAt?.toISOString() ?? null,
    })),
    total: counted?.n ?? 0,
  };
}
