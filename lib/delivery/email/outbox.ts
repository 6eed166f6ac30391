import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, type OutboxAttachment } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { enqueue } from "@/lib/jobs/enqueue";
import { sendEmailJob } from "./send-job";

export interface OutgoingEmail {
  /**
   * The row's id, chosen by a job that writes the message: a re-run of that job (a lost lease)
   * finds the row and queues nothing twice.
   */
  id?: string;
  clinicId: string | null;
  to: string;
  subject: string;
  text: string;
  kind: string;
  /** The HTML alternative of `text` (both are rendered from one template: lib/delivery/email/layout.tsx). */
  html?: string;
  attachments?: OutboxAttachment[];
  /** The client and appointment the message is about (the client's message log). */
  clientId?: string;
  appointmentId?: string;
  /** What an appointment message told the client, for the "changed since?" check. */
  about?: Record<string, string | null>;
}

/**
 * Queues an email: the outbox row (the record of what is sent) and its send job (email.send),
 * together. Call inside the transaction that caused it; both exist iff the cause commits.
 * Returns the outbox row's id.
 */
export async function enqueueEmail(db: Db, mail: OutgoingEmail): Promise<string> {
  // A savepoint when db is already a transaction: the row and its job go in together either way.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailOutbox)
      .values({
        ...(mail.id ? { id: mail.id } : {}),
        clinicId: mail.clinicId,
        toAddress: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
        kind: mail.kind,
        bodyHtml: mail.html ?? null,
        attachments: mail.attachments ?? null,
        clientId: mail.clientId ?? null,
        appointmentId: mail.appointmentId ?? null,
        about: mail.about ?? null,
      })
      .onConflictDoNothing({ target: emailOutbox.id })
      .returning({ id: emailOutbox.id });
    // Only with a chosen id: the row is there already, and so is its send job.
    if (!row) return mail.id!;
    await enqueue(tx, sendEmailJob, { outboxId: row!.id }, { clinicId: mail.clinicId, dedupeKey: row!.id });
    return row!.id;
  });
}

export interface OutboxEntry {
  id: string;
  channel: "email" | "sms";
  /** Why a message was not sent ("SMS not configured"), when the sender recorded one. */
  reason: string | null;
  to: string;
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

/** The clinic's outbox for admins, emails and texts: addresses and subjects, not bodies (which may hold links). */
export async function listOutbox(db: Db, actor: Actor, limit = 100): Promise<OutboxEntry[]> {
  assertCan(actor, "outbox.read");
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.clinicId, actor.clinicId))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    reason: r.status === "skipped" || r.status === "failed" ? r.lastError : null,
    to: r.toAddress,
    subject: r.subject,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.status === "sent" ? (r.sentAt?.toISOString() ?? null) : null,
  }));
}

/**
 * Records a message that was not sent (no address, consent withdrawn) in the outbox, so the
 * client's message log shows it and why. No send job is queued.
 */
export async function recordSkippedEmail(
  db: Db,
  mail: Omit<OutgoingEmail, "to" | "text" | "html" | "attachments"> & { to?: string | null },
  reason: string,
): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      clinicId: mail.clinicId,
      toAddress: mail.to ?? "",
      subject: mail.subject,
      bodyText: "",
      kind: mail.kind,
      status: "skipped",
      lastError: reason,
      clientId: mail.clientId ?? null,
      appointmentId: mail.appointmentId ?? null,
      about: mail.about ?? null,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}
