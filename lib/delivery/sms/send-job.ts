import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { defineJob, type JobContext } from "@/lib/jobs/define";
import { sendFromOutbox, type OutboxChannel } from "@/lib/delivery/send-from-outbox";
import { smsProvider, SmsSendError, type SmsProvider } from "./provider";

/** Where the provider reports delivery (app/webhooks/sms/status/route.ts). */
export const statusCallbackUrl = (baseUrl = appUrl()) => `${baseUrl}/webhooks/sms/status`;

/** The outbox's words for "not sent because SMS is off" (the message log shows them). */
export const SMS_NOT_CONFIGURED = "SMS not configured";

/**
 * Sends one text from the outbox (lib/delivery/send-from-outbox.ts keeps the row the record). The
 * provider's message id is kept, and its delivery callbacks (lib/delivery/sms/status-callback.ts)
 * move delivery_status on.
 */
export function sendOutboxSms(
  db: Db,
  outboxId: string,
  provider: SmsProvider | null,
  attempt: Pick<JobContext, "attempt" | "maxAttempts"> = { attempt: 1, maxAttempts: 1 },
  options: { baseUrl?: string } = {},
): Promise<string> {
  return sendFromOutbox(db, outboxId, smsChannel(provider, options.baseUrl), attempt);
}

function smsChannel(provider: SmsProvider | null, baseUrl: string | undefined): OutboxChannel {
  return {
    channel: "sms",
    unavailable: provider ? null : { lastError: SMS_NOT_CONFIGURED, outcome: `skipped: ${SMS_NOT_CONFIGURED}` },
    send: async (row) => {
      const sent = await provider!.send({ to: row.to, body: row.text, statusCallback: statusCallbackUrl(baseUrl) });
      return { providerMessageId: sent.id, deliveryStatus: sent.status, deliveryUpdatedAt: new Date() };
    },
    failure: (err) =>
      err instanceof SmsSendError
        ? { code: err.code, refused: err.permanent ? err.message : null }
        : { code: "SmsUnavailable", refused: null },
  };
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
