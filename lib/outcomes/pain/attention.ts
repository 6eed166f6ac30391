import "server-only";
import { and, asc, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attentionSummaries, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import { displayName } from "@/lib/clients/format";
import type { AttentionEntry, AttentionReason } from "@/lib/outcomes/rules/attention";
import { adverseAttention } from "./adverse-attention";
import { refreshAttention } from "./attention-summaries";

/**
 * The clinic's "needs attention" list, each entry with its reasons: unreviewed reports of numbness, tingling or
 * shooting pain during home exercises first (oldest report first), then the pain rules' clients, most recent
 * reason first. The first `limit` entries (all when null) and how many there are in all: a big clinic's page reads
 * one page of stored summaries (lib/outcomes/pain/attention-summaries.ts), not every client's scores.
 */
export async function pageNeedsAttention(
  db: Db,
  actor: Actor,
  limit: number | null,
  now = new Date(),
): Promise<{ entries: AttentionEntry[]; total: number }> {
  assertCan(actor, "clinical.read");
  const [adverse] = await Promise.all([
    can(actor, "programmes.read") ? adverseAttention(db, actor) : [],
    refreshAttention(db, actor, now),
  ]);
  const adverseIds = adverse.map((e) => e.clientId);
  const idList = sql`array[${sql.join(
    adverseIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const flagged = and(clinicScope(actor, attentionSummaries), sql`${attentionSummaries.reasonCount} > 0`);
  const others = adverseIds.length ? and(flagged, sql`${attentionSummaries.clientId} <> all(${idList})`) : flagged;
  const painLimit = limit === null ? null : Math.max(0, limit - adverse.length);
  const select = () =>
    db
      .select({
        clientId: attentionSummaries.clientId,
        reasons: attentionSummaries.reasons,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
      })
      .from(attentionSummaries)
      .innerJoin(
        clients,
        sql`${clients.clinicId} = ${attentionSummaries.clinicId} and ${clients.id} = ${attentionSummaries.clientId}`,
      );
  // The page's rows first, in the flagged index's order, then their names: joining before the limit made the
  // planner read every flagged row of a big clinic.
  const page = db
    .select({ clientId: attentionSummaries.clientId })
    .from(attentionSummaries)
    .where(others)
    .orderBy(sql`${attentionSummaries.latestOn} desc nulls last`, asc(attentionSummaries.clientId));
  const [pain, painOfAdverse, [count]] = await Promise.all([
    painLimit === 0
      ? []
      : select()
          .where(
            and(
              clinicScope(actor, attentionSummaries),
              inArray(attentionSummaries.clientId, painLimit === null ? page : page.limit(painLimit)),
            ),
          )
          .orderBy(sql`${attentionSummaries.latestOn} desc nulls last`, asc(attentionSummaries.clientId)),
    adverseIds.length ? select().where(and(flagged, sql`${attentionSummaries.clientId} = any(${idList})`)) : [],
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(attentionSummaries)
      .where(others),
  ]);
  const extra = new Map(painOfAdverse.map((p) => [p.clientId, p.reasons as AttentionReason[]]));
  const entries: AttentionEntry[] = [
    ...adverse.map((e) => ({ ...e, reasons: [...e.reasons, ...(extra.get(e.clientId) ?? [])] })),
    ...pain.map((p) => ({ clientId: p.clientId, clientName: displayName(p), reasons: p.reasons as AttentionReason[] })),
  ];
  return { entries: limit === null ? entries : entries.slice(0, limit), total: adverse.length + (count?.n ?? 0) };
}
