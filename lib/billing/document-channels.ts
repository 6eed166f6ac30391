import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, clinics, emailOutbox } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { planChannels, type ChannelPlan } from "@/lib/delivery/rules/channels";
import { smsNumber } from "@/lib/delivery/rules/phone";
import { quietHoursEnd } from "@/lib/delivery/rules/quiet-hours";
import { toGsm } from "@/lib/delivery/rules/sms-text";
import { smsEnabled } from "@/lib/delivery/sms/enabled";
import { enqueueSms, recordSkippedSms } from "@/lib/delivery/sms/outbox";
import { quietWindow, smsBlocked } from "@/lib/delivery/deliver-to-client";

/*
 * Invoices, receipts and statements follow the client's message preference where it makes sense: a
 * client who chose texts gets a text with a link to the document in the portal (the PDF cannot go
 * by SMS, so a text needs a portal account to point to), else the email with the PDF, as before.
 * "Both" gets both; "none" (which stops reminders) still gets what staff chose to send. A wanted
 * text that cannot go is logged "not sent" with why, and the email goes instead (rules/channels.ts).
 */

export interface DocumentContact {
  email: string | null;
  name: string;
  number: string | null;
  plan: ChannelPlan;
  /** Why no text goes although one was wanted; null when one goes or none was wanted. */
  smsBlocked: string | null;
  timeZone: string;
  quiet: { startMinute: number; endMinute: number } | null;
}

/** The client's address, number and channels for a document, or null for an unknown or archived client. */
export async function documentContact(
  db: Db,
  clinicId: string,
  clientId: string,
  options: { smsOn?: boolean } = {},
): Promise<DocumentContact | null> {
  const [c] = await db
    .select({
      email: clients.email,
      first: clients.firstName,
      preferred: clients.preferredName,
      phone: clients.phone,
      channel: clients.messageChannel,
      smsConsent: clients.smsConsent,
      portalUserId: clients.userId,
      locale: clinics.locale,
      timeZone: clinics.timezone,
      quietStart: clinics.smsQuietStartMinute,
      quietEnd: clinics.smsQuietEndMinute,
    })
    .from(clients)
    .innerJoin(clinics, eq(clinics.id, clients.clinicId))
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId), isNull(clients.archivedAt)));
  if (!c) return null;
  const email = c.email?.trim() || null;
  // The same rule every client message follows (lib/delivery), plus a document's own: the text is a link
  // into the portal, so it needs a portal account.
  const blocked =
    smsBlocked(c, options.smsOn ?? smsEnabled()) ?? (!c.portalUserId ? "no portal account to link to" : null);
  const plan = planChannels({ preference: c.channel, essential: true, hasEmail: !!email, smsBlocked: blocked });
  return {
    email,
    name: c.preferred || c.first,
    number: smsNumber(c.phone, c.locale),
    plan,
    smsBlocked: typeof plan.sms === "string" ? plan.sms : null,
    timeZone: c.timeZone,
    quiet: quietWindow(c),
  };
}

export interface DocumentText {
  clinicId: string;
  clientId: string;
  kind: string;
  label: string;
  /** The email's chosen outbox id: marks the text too, so a re-run of the job sends it once. */
  outboxId: string;
  /** e.g. "your invoice INV-0007 is ready (balance due £60.00)". */
  words: string;
  clinicName: string;
  /** The portal path of the document ("/portal/invoices/…"). */
  path: string;
  baseUrl?: string;
}

/** Queues the text about a document (or logs why it was not sent), once per document message. */
export async function textDocument(db: Db, contact: DocumentContact, m: DocumentText): Promise<string | null> {
  if (contact.plan.sms === false) return null;
  const base = { clinicId: m.clinicId, clientId: m.clientId, kind: m.kind, label: m.label };
  const about = { document: m.outboxId };
  return db.transaction(async (tx) => {
    const [done] = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.clinicId, m.clinicId), sql`${emailOutbox.about}->>'document' = ${m.outboxId}`))
      .limit(1);
    if (done) return "sms already queued";
    if (typeof contact.plan.sms === "string") {
      await recordSkippedSms(tx, { ...base, to: contact.number, about }, contact.plan.sms);
      return `sms skipped: ${contact.plan.sms}`;
    }
    const link = `${(m.baseUrl ?? appUrl()).replace(/\/$/, "")}${m.path}`;
    const notBefore = quietHoursEnd(new Date(), contact.timeZone, contact.quiet);
    await enqueueSms(tx, {
      ...base,
      to: contact.number!,
      text: `${toGsm(`${m.clinicName}: ${m.words}.`)} ${link}`,
      about,
      notBefore,
    });
    return notBefore ? `sms queued for ${notBefore.toISOString()} (quiet hours)` : "sms queued";
  });
}
