import "server-only";
import { and, eq, gt, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { adherenceSummaries, attentionSummaries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";

/**
 * The per-client summary tables behind the dashboard lists (attention_summaries, adherence_summaries; issue 16).
 * Each row carries a generation that the writers' triggers bump, a computed_on day and a valid_until day (null:
 * stale). These are the two halves every summary shares: which rows a reader must recompute, and the write-back
 * that loses to a concurrent write.
 */
export type SummaryTable = typeof attentionSummaries | typeof adherenceSummaries;

export interface DueSummary {
  clientId: string;
  generation: number;
}

/**
 * The clinic's rows to recompute on `today`: stale (valid_until null), expired (valid_until before today), or
 * computed for a later day than asked (a clock set back). Three disjoint index ranges joined with UNION ALL: one
 * OR over them made PostgreSQL bitmap-scan every row of the clinic (low adherence ran 2.4× slower at 20× size).
 */
export async function dueSummaries(db: Db, actor: Actor, table: SummaryTable, today: string): Promise<DueSummary[]> {
  const branch = (condition: SQL | undefined) =>
    db
      .select({ clientId: table.clientId, generation: table.generation })
      .from(table)
      .where(and(eq(table.clinicId, actor.clinicId), condition));
  return branch(isNull(table.validUntil))
    .unionAll(branch(lt(table.validUntil, today)))
    .unionAll(branch(and(gte(table.validUntil, today), gt(table.computedOn, today))));
}

/**
 * Writes recomputed rows back, 500 per statement, in client order so that two readers refreshing together cannot
 * deadlock. A row whose generation moved since it was read (a write landed meanwhile) is left stale for the next
 * reader. `set` lists the computed columns to copy from the new row.
 */
export async function writeSummaries<T extends SummaryTable>(
  db: Db,
  table: T,
  rows: (T["$inferInsert"] & { clientId: string })[],
  computed: (keyof T["$inferInsert"] & string)[],
): Promise<void> {
  const ordered = [...rows].sort((a, b) => a.clientId.localeCompare(b.clientId));
  const set = Object.fromEntries(
    ["computedOn", "validUntil", ...computed].map((key) => {
      const column = (table as unknown as Record<string, { name: string }>)[key]!;
      return [key, sql.raw(`excluded."${column.name}"`)];
    }),
  );
  for (let i = 0; i < ordered.length; i += 500) {
    await db
      .insert(table)
      .values(ordered.slice(i, i + 500) as never)
      .onConflictDoUpdate({
        target: [table.clinicId, table.clientId],
        set: set as PgUpdateSetSource<T>,
        setWhere: sql`${table.generation} = excluded.generation`,
      });
  }
}
