import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { defineJob, type JobContext } from "@/lib/jobs/define";
import { PermanentJobError } from "@/lib/jobs/errors";
import { whyNotSend } from "@/lib/delivery/send-checks";
import { smsProvider, SmsSendError, type SmsProvider } from "./provider";

/** Where the provider reports delivery (app/webhooks/sms/status/route.ts). */
export const statusCallbackUrl = (baseUrl = appUrl()) => `${baseUrl}/webhooks/sms/status`;

/** The outbox's words for "not sent because SMS is off" (the message log shows them). */
export const SMS_NOT_CONFIGURED = "SMS not configured";

/**
 * Sends one text from the outbox, never again once it is recorded sent (a re-run after a lost
 * lease, an admin's retry find it sent and do nothing). The provider's message id is kept, and
 * its delivery callbacks (lib/delivery/sms/status-callback.ts) move delivery_status on.
 */
export async function sendOutboxSms(
  db: Db,
  outboxId: string,
  provider: SmsProvider | null,
  attempt: Pick<JobContext, "attempt" | "maxAttempts"> = { attempt: 1, maxAttempts: 1 },
  options: { baseUrl?: string } = {},
): Promise<string> {
  const [row] = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      text: emailOutbox.bodyText,
      kind: emailOutbox.kind,
      status: emailOutbox.status,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.channel, "sms")));
  if (!row || (row.status !== "pending" && row.status !== "failed"))
    return `nothing to send (${row?.status ?? "gone"})`;
  const open = and(eq(emailOutbox.id, row.id), inArray(emailOutbox.status, ["pending", "failed"]));
  const notWanted = await whyNotSend(db, row.kind, row.id);
  if (notWanted) {
    await db.update(emailOutbox).set({ status: "skipped", lastError: notWanted.code }).where(open);
    return `skipped: ${notWanted.why}`;
  }
  if (!provider) {
    await db.update(emailOutbox).set({ status: "skipped", lastError: SMS_NOT_CONFIGURED }).where(open);
    return `skipped: ${SMS_NOT_CONFIGURED}`;
  }
  await db.update(emailOutbox).set({ attempts: attempt.attempt }).where(open);
  try {
    const sent = await provider.send({
      to: row.to,
      body: row.text,
      statusCallback: statusCallbackUrl(options.baseUrl),
    });
    await db
      .update(emailOutbox)
      .set({
        status: "sent",
        sentAt: new Date(),
        lastError: null,
        providerMessageId: sent.id,
        deliveryStatus: sent.status,
        deliveryUpdatedAt: new Date(),
      })
      .where(open);
    return "sent";
  } catch (err) {
    const permanent = err instanceof SmsSendError && err.permanent;
    const last = permanent || attempt.attempt >= attempt.maxAttempts;
    const code = err instanceof SmsSendError ? err.code : "SmsUnavailable";
    await db
      .update(emailOutbox)
      .set({ status: last ? "failed" : "pending", lastError: code })
      .where(open);
    if (permanent) throw new PermanentJobError(code, (err as Error).message, { cause: err });
    throw err;
  }
}

/** Sends one outbox text (lib/delivery/sms/outbox.ts enqueues it with the row, after quiet hours). */
export const sendSmsJob = defineJob({
  name: "sms.send",
  payload: z.object({ outboxId: z.uuid() }),
  maxAttempts: 5,
  backoff: { baseMs: 30_000, capMs: 30 * 60_000 },
  timeoutMs: 60_000,
  run: (db, { outboxId }, ctx) => sendOutboxSms(db, outboxId, smsProvider(), ctx),
});
