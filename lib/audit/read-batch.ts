import "server-only";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

type AuditRow = typeof auditEvents.$inferInsert;

interface Pending {
  row: AuditRow;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** At most this many events per INSERT; the rest wait for the next one. */
const MAX_BATCH = 200;

/*
 * Group commit for the audit of reads (issue 16). Every read of health information is recorded
 * before its data is returned, and each append takes its clinic's chain-head row lock and a
 * commit: one read at a time per clinic, ~12 ms each. Reads that arrive while an append is in
 * flight wait for it and then go in together as one multi-row INSERT — one lock, one commit —
 * and each caller is answered only once its own row is committed. An idle server writes at once
 * (no timer, no added latency). The chain trigger still runs once per row, in order, so the hash
 * chain is the same as with single inserts. Writes keep recording their events in their own
 * transaction (record-event.ts); only reads, which have no transaction of their own, come here.
 */
class ReadBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  append(row: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush() {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.write(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(batch: Pending[]) {
    // Chains are locked in clinic order, so two servers' batches can never deadlock.
    const rows = batch.map((p) => p.row).sort((a, b) => a.clinicId.localeCompare(b.clinicId));
    try {
      await this.db.insert(auditEvents).values(rows);
      for (const p of batch) p.resolve();
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      // One bad row must not fail the others' reads: write each on its own.
      for (const p of batch) {
        try {
          await this.db.insert(auditEvents).values(p.row);
          p.resolve();
        } catch (e) {
          p.reject(e);
        }
      }
    }
  }
}

const batchers = new WeakMap<Db, ReadBatcher>();

/** Appends one read event through the database's batcher; resolves once it is committed. */
export function appendReadEvent(db: Db, row: AuditRow): Promise<void> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ReadBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.append(row);
}
