import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";

/** What the app needs of a mail transport; nodemailer's SMTP transport is the real one. */
export type Transport = {
  sendMail: (m: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    attachments?: { filename: string; contentType: string; content: string }[];
    messageId: string;
  }) => Promise<unknown>;
};

let transport: Transport | null | undefined;

/**
 * The one SMTP transport of this process (nodemailer, pooled connection reuse is not needed at
 * our volume). Null without SMTP_URL: mail then stays readable in the outbox, marked "skipped",
 * which is how development and the demo work.
 */
export function smtpTransport(): Transport | null {
  if (transport === undefined) {
    const url = config().SMTP_URL;
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

/**
 * The Message-ID of an outbox row: derived from the row id, so a resend after a crash (see
 * lib/delivery/email/send-job.ts) carries the same id and receivers that deduplicate drop it.
 */
export function messageIdFor(outboxId: string, from = config().MAIL_FROM): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "knotwork.local";
  return `<outbox.${outboxId}@${domain}>`;
}
