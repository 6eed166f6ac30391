import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
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
    .values({ clinicId: mail.clinicId, toAddress: mail.to, subject: mail.subject, bodyText: mail.text, kind: mail.kind })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

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
    id: r.id, to: r.toAddress, subject: r.subject, kind: r.kind, status: r.status, attempts: r.attempts,
    createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

export type Transport = { sendMail: (m: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };

/**
 * Delivers pending mail. Rows are claimed with SKIP LOCKED so several app servers can
 * run this at once without sending one message twice.
 */
export async function deliverPending(db: Db, transport: Transport | null, from: string, batch = 20): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute(sql`
      select id from email_outbox where status = 'pending' and attempts < 5
      order by created_at limit ${batch} for update skip locked`);
    const ids = rowsOf<{ id: string }>(claimed).map((r) => r.id);
    if (ids.length === 0) return 0;
    const rows = await tx.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    for (const row of rows) {
      if (!transport) {
        await tx.update(emailOutbox).set({ status: "skipped" }).where(eq(emailOutbox.id, row.id));
        continue;
      }
      try {
        await transport.sendMail({ from, to: row.toAddress, subject: row.subject, text: row.bodyText });
        await tx.update(emailOutbox).set({ status: "sent", sentAt: new Date(), attempts: row.attempts + 1 }).where(eq(emailOutbox.id, row.id));
      } catch (err) {
        const attempts = row.attempts + 1;
        await tx
          .update(emailOutbox)
          .set({ attempts, status: attempts >= 5 ? "failed" : "pending", lastError: err instanceof Error ? err.name : "error" })
          .where(and(eq(emailOutbox.id, row.id)));
      }
    }
    return rows.length;
  });
}
