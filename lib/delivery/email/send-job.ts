import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { config } from "@/lib/config";
import { defineJob, type JobContext } from "@/lib/jobs/define";
import { PermanentJobError } from "@/lib/jobs/errors";
import { whyNotSend } from "../send-checks";
import { messageIdFor, smtpTransport, type Transport } from "./transport";

type Attempt = Pick<JobContext, "attempt" | "maxAttempts">;

/**
 * Sends one outbox message, at most once per run and never again once it is recorded sent.
 * The row is the record: a run that finds it sent or skipped does nothing (a re-run after a
 * lost lease, an admin's retry). The SMTP call carries a Message-ID derived from the row id and
 * the row is marked sent right after the server accepted it. The one window left: a worker
 * killed between the server's acceptance and that update re-sends the message on the next run
 * with the same Message-ID, which receivers that deduplicate (and our crash test) collapse.
 */
export async function sendOutboxMessage(
  db: Db,
  outboxId: string,
  transport: Transport | null,
  from: string,
  attempt: Attempt = { attempt: 1, maxAttempts: 1 },
): Promise<string> {
  const [row] = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      text: emailOutbox.bodyText,
      html: emailOutbox.bodyHtml,
      attachments: emailOutbox.attachments,
      kind: emailOutbox.kind,
      status: emailOutbox.status,
    })
    .from(emailOutbox)
    // Texts share the outbox and have their own sender (lib/delivery/sms/send-job.ts).
    .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.channel, "email")));
  // "failed" is sendable again: an admin retried the dead job.
  if (!row || (row.status !== "pending" && row.status !== "failed"))
    return `nothing to send (${row?.status ?? "gone"})`;
  const open = and(eq(emailOutbox.id, row.id), inArray(emailOutbox.status, ["pending", "failed"]));
  const notWanted = await whyNotSend(db, row.kind, row.id);
  if (notWanted) {
    await db.update(emailOutbox).set({ status: "skipped", lastError: notWanted.code }).where(open);
    return `skipped: ${notWanted.why}`;
  }
  if (!transport) {
    await db.update(emailOutbox).set({ status: "skipped" }).where(open);
    return "skipped: no SMTP configured";
  }
  await db.update(emailOutbox).set({ attempts: attempt.attempt }).where(open);
  try {
    await transport.sendMail({
      from,
      to: row.to,
      subject: row.subject,
      text: row.text,
      ...(row.html ? { html: row.html } : {}),
      ...(row.attachments?.length ? { attachments: row.attachments } : {}),
      messageId: messageIdFor(row.id, from),
    });
  } catch (err) {
    const refused = smtpRefusal(err);
    const last = refused !== null || attempt.attempt >= attempt.maxAttempts;
    await db
      .update(emailOutbox)
      .set({
        status: last ? "failed" : "pending",
        lastError: refused ? SMTP_REFUSED : err instanceof Error ? err.name : "error",
      })
      .where(open);
    if (refused)
      throw new PermanentJobError(SMTP_REFUSED, `The mail server refused the message: ${refused}`, { cause: err });
    throw err;
  }
  await db.update(emailOutbox).set({ status: "sent", sentAt: new Date(), lastError: null }).where(open);
  return "sent";
}

const SMTP_REFUSED = "MailRefused";

/**
 * The server's reply when it refused the message for good (an SMTP 5xx: no such mailbox, policy
 * rejection): sending it again would be refused again. 4xx replies and lost connections are
 * worth another try, so they give null.
 */
function smtpRefusal(err: unknown): string | null {
  const { responseCode, response } = (err ?? {}) as { responseCode?: unknown; response?: unknown };
  if (typeof responseCode !== "number" || responseCode < 500 || responseCode > 599) return null;
  return typeof response === "string" && response ? response : String(responseCode);
}

/** Sends one outbox message (lib/delivery/email/outbox.ts enqueues it with the row). */
export const sendEmailJob = defineJob({
  name: "email.send",
  payload: z.object({ outboxId: z.uuid() }),
  maxAttempts: 5,
  // SMTP trouble is usually minutes, not seconds: 30 s, 1 min, 2 min, 4 min (half of each random).
  backoff: { baseMs: 30_000, capMs: 30 * 60_000 },
  timeoutMs: 60_000,
  run: (db, { outboxId }, ctx) => sendOutboxMessage(db, outboxId, smtpTransport(), config().MAIL_FROM, ctx),
});
