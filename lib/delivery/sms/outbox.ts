import "server-only";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import { sendSmsJob } from "./send-job";

/**
 * Text messages share the outbox with email (channel 'sms'): one record of everything told to a
 * client, one message log, one admin outbox. `to` is the E.164 number, `text` the message.
 */
export interface OutgoingSms {
  clinicId: string;
  to: string;
  text: string;
  kind: string;
  /** The front desk's words for the message, shown where an email shows its subject. */
  label: string;
  clientId?: string;
  appointmentId?: string;
  about?: Record<string, string | null>;
  /** Quiet hours: the send job waits until then (lib/delivery/rules/quiet-hours.ts). */
  notBefore?: Date | null;
}

/** Queues a text: the outbox row and its sms.send job, together, inside the caller's transaction. */
export async function enqueueSms(db: Db, sms: OutgoingSms): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailOutbox)
      .values({
        clinicId: sms.clinicId,
        channel: "sms",
        toAddress: sms.to,
        subject: sms.label,
        bodyText: sms.text,
        kind: sms.kind,
        clientId: sms.clientId ?? null,
        appointmentId: sms.appointmentId ?? null,
        about: sms.about ?? null,
      })
      .returning({ id: emailOutbox.id });
    await enqueue(
      tx,
      sendSmsJob,
      { outboxId: row!.id },
      { clinicId: sms.clinicId, dedupeKey: row!.id, ...(sms.notBefore ? { runAt: sms.notBefore } : {}) },
    );
    return row!.id;
  });
}

/** A text that was wanted and not sent (SMS not configured, no consent, no mobile number): logged with why. */
export async function recordSkippedSms(
  db: Db,
  sms: Omit<OutgoingSms, "text" | "to" | "notBefore"> & { to?: string | null },
  reason: string,
): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      clinicId: sms.clinicId,
      channel: "sms",
      toAddress: sms.to ?? "",
      subject: sms.label,
      bodyText: "",
      kind: sms.kind,
      status: "skipped",
      lastError: reason,
      clientId: sms.clientId ?? null,
      appointmentId: sms.appointmentId ?? null,
      about: sms.about ?? null,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}
