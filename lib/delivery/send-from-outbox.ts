import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { JobContext } from "@/lib/jobs/define";
import { PermanentJobError } from "@/lib/jobs/errors";
import { whyNotSend } from "./send-checks";

type Row = typeof emailOutbox.$inferSelect;

/** What a channel's sender reads of an outbox row. */
export interface OutboxMessage {
  id: string;
  to: Row["toAddress"];
  subject: Row["subject"];
  text: Row["bodyText"];
  html: Row["bodyHtml"];
  attachments: Row["attachments"];
  kind: Row["kind"];
}

/** Columns a channel records when its provider accepted the message (a text's provider id and status). */
type Accepted = Partial<
  Pick<typeof emailOutbox.$inferInsert, "providerMessageId" | "deliveryStatus" | "deliveryUpdatedAt">
>;

/** How one channel (email, SMS) hands a message over and reads its failures. */
export interface OutboxChannel {
  channel: "email" | "sms";
  /** Null when the channel is not configured here: the row is skipped, with this code and job outcome. */
  unavailable: { lastError: string | null; outcome: string } | null;
  send(message: OutboxMessage): Promise<Accepted | void>;
  /** The stored code of a failure, and the provider's words when it refused for good (no retry). */
  failure(err: unknown): { code: string; refused: string | null };
}

/**
 * Sends one outbox row by its channel, at most once per run and never again once it is recorded sent:
 * a run that finds it sent or skipped does nothing (a re-run after a lost lease, an admin's retry), and
 * "failed" is sendable again (an admin retried the dead job). A message its area no longer wants
 * (send-checks.ts) and a channel not configured are recorded skipped. The row is marked sent right after
 * the provider accepted it, outside the failure handling: a database error then is not a failed send.
 */
export async function sendFromOutbox(
  db: Db,
  outboxId: string,
  via: OutboxChannel,
  attempt: Pick<JobContext, "attempt" | "maxAttempts">,
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
    .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.channel, via.channel)));
  if (!row || (row.status !== "pending" && row.status !== "failed"))
    return `nothing to send (${row?.status ?? "gone"})`;
  const open = and(eq(emailOutbox.id, row.id), inArray(emailOutbox.status, ["pending", "failed"]));
  const notWanted = await whyNotSend(db, row.kind, row.id);
  if (notWanted) {
    await db.update(emailOutbox).set({ status: "skipped", lastError: notWanted.code }).where(open);
    return `skipped: ${notWanted.why}`;
  }
  if (via.unavailable) {
    const { lastError, outcome } = via.unavailable;
    await db
      .update(emailOutbox)
      .set({ status: "skipped", ...(lastError ? { lastError } : {}) })
      .where(open);
    return outcome;
  }
  await db.update(emailOutbox).set({ attempts: attempt.attempt }).where(open);
  let accepted: Accepted | void;
  try {
    accepted = await via.send(row);
  } catch (err) {
    const { code, refused } = via.failure(err);
    const last = refused !== null || attempt.attempt >= attempt.maxAttempts;
    await db
      .update(emailOutbox)
      .set({ status: last ? "failed" : "pending", lastError: code })
      .where(open);
    if (refused !== null) throw new PermanentJobError(code, refused, { cause: err });
    throw err;
  }
  await db
    .update(emailOutbox)
    .set({ status: "sent", sentAt: new Date(), lastError: null, ...accepted })
    .where(open);
  return "sent";
}
