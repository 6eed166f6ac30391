import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/scopes";

export interface OutgoingEmail {
  clinicId: string | null;
  to: string;
  subject: string;
  text: string;
  kind: string;
}

/** Queues an email in the outbox. Call inside the transaction that caused it. */
export async function enqueueEmail(db: Db, mail: OutgoingEmail): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      clinicId: mail.clinicId,
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      kind: mail.kind,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/** The kind of the appointment reminder email (lib/reminders), checked again at delivery. */
export const REMINDER_KIND = "appointment_reminder";

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

/** The clinic's outbox for admins: addresses and subjects, not bodies (which may hold links). */
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
    to: r.toAddress,
    subject: r.subject,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.status === "sent" ? (r.sentAt?.toISOString() ?? null) : null,
  }));
}

export type Transport = {
  sendMail: (m: { from: string; to: string; subject: string; text: string }) => Promise<unknown>;
};

/** Sending gives up after this many claims (a failed send or a crashed worker each use one). */
const MAX_ATTEMPTS = 5;
/** How long a claim holds a row; a worker that dies mid-batch loses it after this. */
const LEASE = sql`interval '10 minutes'`;

interface ClaimedRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  attempts: number;
}

/**
 * Claims up to `batch` rows in one short statement. The lease lives in columns that exist:
 * a claimed row stays 'pending', its `attempts` goes up by one and its `sent_at` holds the
 * lease's expiry (for a pending row sent_at means "claimed until"; listOutbox hides it).
 * Only rows with no lease or an expired one are claimable, and SKIP LOCKED keeps two workers
 * from claiming the same row, so no SMTP call ever runs inside a transaction.
 */
async function claimBatch(db: Db, batch: number): Promise<ClaimedRow[]> {
  // A worker that crashed while holding the last attempt leaves a pending row nobody may claim.
  await db.execute(sql`
    update email_outbox set status = 'failed', sent_at = null, last_error = coalesce(last_error, 'LeaseExpired')
    where status = 'pending' and attempts >= ${MAX_ATTEMPTS} and sent_at < now()`);
  const claimed = await db.execute(sql`
    update email_outbox set attempts = attempts + 1, sent_at = now() + ${LEASE}
    where id in (
      select id from email_outbox
      where status = 'pending' and attempts < ${MAX_ATTEMPTS} and (sent_at is null or sent_at < now())
      order by created_at limit ${batch} for update skip locked)
    returning id, to_address, subject, body_text, kind, attempts`);
  return rowsOf<ClaimedRow>(claimed);
}

/**
 * A reminder is sent only for the appointment as it still is: booked and not yet started.
 * Moving an appointment deletes its appointment_reminders row (so a fresh reminder is queued
 * for the new time); an outbox reminder without that row therefore describes an old time.
 */
async function isStaleReminder(db: Db, outboxId: string): Promise<boolean> {
  const found = await db.execute(sql`
    select 1 from appointment_reminders r
    join appointments a on a.clinic_id = r.clinic_id and a.id = r.appointment_id
    where r.outbox_id = ${outboxId} and a.status = 'booked' and a.starts_at > now()`);
  return rowsOf(found).length === 0;
}

/**
 * Delivers pending mail: claim a batch (a lease, see claimBatch), send each message outside
 * any transaction, then record each outcome in its own statement. A failure of one message
 * neither rolls back nor resends the others; a crash after a send can at worst resend that
 * one message once its lease expires. Returns how many messages were handled.
 */
export async function deliverPending(db: Db, transport: Transport | null, from: string, batch = 20): Promise<number> {
  if (!transport) {
    // Without SMTP, mail stays readable in the outbox: nothing is sent, so no lease is needed.
    const skipped = await db.execute(sql`
      update email_outbox set status = 'skipped', sent_at = null
      where id in (
        select id from email_outbox
        where status = 'pending' and attempts < ${MAX_ATTEMPTS} and (sent_at is null or sent_at < now())
        order by created_at limit ${batch} for update skip locked)
      returning id`);
    return rowsOf(skipped).length;
  }
  const rows = await claimBatch(db, batch);
  for (const row of rows) {
    const mine = and(
      eq(emailOutbox.id, row.id),
      eq(emailOutbox.status, "pending"),
      eq(emailOutbox.attempts, row.attempts),
    );
    if (row.kind === REMINDER_KIND && (await isStaleReminder(db, row.id))) {
      await db.update(emailOutbox).set({ status: "skipped", sentAt: null, lastError: "StaleReminder" }).where(mine);
      continue;
    }
    try {
      await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body_text });
    } catch (err) {
      // The lease is dropped so the next pass retries; attempts already counts this one.
      await db
        .update(emailOutbox)
        .set({
          status: row.attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          sentAt: null,
          lastError: err instanceof Error ? err.name : "error",
        })
        .where(mine);
      continue;
    }
    await db.update(emailOutbox).set({ status: "sent", sentAt: new Date() }).where(eq(emailOutbox.id, row.id));
  }
  return rows.length;
}
