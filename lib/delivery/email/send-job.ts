import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { config } from "@/lib/config";
import { defineJob, type JobContext } from "@/lib/jobs/define";
import { sendFromOutbox, type OutboxChannel } from "../send-from-outbox";
import { messageIdFor, smtpTransport, type Transport } from "./transport";

type Attempt = Pick<JobContext, "attempt" | "maxAttempts">;

/**
 * Sends one outbox email (lib/delivery/send-from-outbox.ts keeps the row the record). The SMTP call
 * carries a Message-ID derived from the row id and the row is marked sent right after the server
 * accepted it. The one window left: a worker killed between the server's acceptance and that update
 * re-sends the message on the next run with the same Message-ID, which receivers that deduplicate
 * (and our crash test) collapse.
 */
export function sendOutboxMessage(
  db: Db,
  outboxId: string,
  transport: Transport | null,
  from: string,
  attempt: Attempt = { attempt: 1, maxAttempts: 1 },
): Promise<string> {
  return sendFromOutbox(db, outboxId, smtpChannel(transport, from), attempt);
}

function smtpChannel(transport: Transport | null, from: string): OutboxChannel {
  return {
    channel: "email",
    unavailable: transport ? null : { lastError: null, outcome: "skipped: no SMTP configured" },
    send: async (row) => {
      await transport!.sendMail({
        from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        ...(row.html ? { html: row.html } : {}),
        ...(row.attachments?.length ? { attachments: row.attachments } : {}),
        messageId: messageIdFor(row.id, from),
      });
    },
    failure: (err) => {
      const refused = smtpRefusal(err);
      return refused !== null
        ? { code: SMTP_REFUSED, refused: `The mail server refused the message: ${refused}` }
        : { code: err instanceof Error ? err.name : "error", refused: null };
    },
  };
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
