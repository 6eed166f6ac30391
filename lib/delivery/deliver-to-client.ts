import "server-only";
import type { Db } from "@/db/client";
import { enqueueEmail, recordSkippedEmail } from "./email/outbox";
import type { OutboxAttachment } from "@/db/schema";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import { planChannels, type MessageChannel } from "./rules/channels";
import { smsNumber } from "./rules/phone";
import { quietHoursEnd } from "./rules/quiet-hours";
import { smsEnabled } from "./sms/enabled";
import { enqueueSms, recordSkippedSms } from "./sms/outbox";
import { SMS_NOT_CONFIGURED } from "./sms/send-job";

/**
 * Who a message goes to and the clinic's rules for it (lib/messaging's appointment facts carry all of
 * it): the message is about one appointment (id), or several (a series) or none (id null).
 */
export interface ClientContact {
  clinicId: string;
  clientId: string;
  /** The appointment the message is about, if one. */
  id: string | null;
  email: string | null;
  phone: string | null;
  archivedAt: Date | null;
  messageChannel: MessageChannel;
  smsConsent: boolean;
  locale: ClinicLocale;
  timeZone: string;
  /** The clinic's SMS quiet hours, minutes after local midnight; null for none. */
  quietStart: number | null;
  quietEnd: number | null;
}

export interface ClientMessage {
  kind: string;
  /** The front desk's name for it (the SMS row's subject in the log). */
  label: string;
  /** Reminders are not; booking, change and cancellation messages are (rules/channels.ts). */
  essential: boolean;
  email: { subject: string; html: string; text: string; attachments: OutboxAttachment[] };
  sms: string;
  about?: Record<string, string | null>;
}

export interface Delivered {
  /** The email's outbox row, else the SMS's (what a reminder records as sent). */
  outboxId: string | null;
  summary: string;
}

/** Why this client cannot be texted now, or null when they can (the message log shows the words). */
export function smsBlocked(a: Pick<ClientContact, "smsConsent" | "phone" | "locale">, smsOn: boolean): string | null {
  if (!smsOn) return SMS_NOT_CONFIGURED;
  if (!a.smsConsent) return "no SMS consent";
  if (!smsNumber(a.phone, a.locale)) return "no mobile number";
  return null;
}

/** The clinic's SMS quiet hours as quietHoursEnd takes them, or null when it has none. */
export const quietWindow = (a: Pick<ClientContact, "quietStart" | "quietEnd">) =>
  a.quietStart !== null && a.quietEnd !== null ? { startMinute: a.quietStart, endMinute: a.quietEnd } : null;

/**
 * Queues one message to a client by the channels the client chose (rules/channels.ts), inside the
 * caller's transaction: the email (outbox row and send job), the text (row and sms.send job, held
 * until the clinic's quiet hours end: emails are never held), and a "not sent" row with the reason
 * for each channel that was wanted and could not be used, so the client's message log tells all.
 */
export async function deliverToClient(
  tx: Db,
  a: ClientContact,
  m: ClientMessage,
  options: { smsOn?: boolean; now?: Date } = {},
): Promise<Delivered> {
  const email = a.archivedAt ? null : a.email?.trim() || null;
  const smsOn = options.smsOn ?? smsEnabled();
  const blocked = a.archivedAt ? "client archived" : smsBlocked(a, smsOn);
  const plan = planChannels({
    preference: a.messageChannel,
    essential: m.essential,
    hasEmail: !!email,
    smsBlocked: blocked,
  });
  const base = { clinicId: a.clinicId, kind: m.kind, clientId: a.clientId, appointmentId: a.id ?? undefined };
  const done: string[] = [];
  let outboxId: string | null = null;
  if (plan.email && email) {
    outboxId = await enqueueEmail(tx, {
      ...base,
      to: email,
      subject: m.email.subject,
      text: m.email.text,
      html: m.email.html,
      attachments: m.email.attachments,
      about: m.about,
    });
    done.push("email queued");
  } else if (plan.emailSkipped) {
    await recordSkippedEmail(tx, { ...base, subject: m.email.subject, to: email, about: m.about }, plan.emailSkipped);
    done.push(`email skipped: ${plan.emailSkipped}`);
  }
  if (plan.sms === true) {
    const notBefore = quietHoursEnd(options.now ?? new Date(), a.timeZone, quietWindow(a));
    const id = await enqueueSms(tx, {
      ...base,
      label: m.label,
      to: smsNumber(a.phone, a.locale)!,
      text: m.sms,
      about: m.about,
      notBefore,
    });
    outboxId ??= id;
    done.push(notBefore ? `sms queued for ${notBefore.toISOString()} (quiet hours)` : "sms queued");
  } else if (typeof plan.sms === "string") {
    await recordSkippedSms(tx, { ...base, label: m.label, to: smsNumber(a.phone, a.locale), about: m.about }, plan.sms);
    done.push(`sms skipped: ${plan.sms}`);
  }
  return { outboxId, summary: done.join("; ") || "nothing to send" };
}
