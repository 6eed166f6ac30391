import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, clients, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { addLocalDays, zonedInstant } from "@/lib/format/zoned";
import { eventLabel, fieldLabel } from "./event-names";
import { ACCESS_REFUSED, READ_KINDS, type ReadKind } from "./read-kinds";
import type { AuditPageDto, ListAuditQuery } from "./schemas";

// The position of a row in the trail: its instant to the microsecond (a JS Date would drop
// the microseconds and skip or repeat rows at a page edge) and its sequence number in the chain.
const position = sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '~' || ${auditEvents.seq}`;

function refusedNote(action: string, details: Record<string, unknown>): string | null {
  if (action !== ACCESS_REFUSED) return null;
  const kind = READ_KINDS[details.attempted as ReadKind];
  return kind ? `Tried: ${kind.label.charAt(0).toLowerCase()}${kind.label.slice(1)}` : null;
}

/**
 * The clinic's audit trail, newest first, with names instead of ids. Keyset-paged on
 * (at, seq): every filter combination walks an index that starts (clinic_id, …, at, seq),
 * so page 500 costs what page 1 does.
 */
export async function listAuditEvents(db: Db, actor: Actor, q: ListAuditQuery): Promise<AuditPageDto> {
  assertCan(actor, "audit.read");
  const tz = actor.clinicTimezone;
  const [cursorAt, cursorSeq] = q.cursor ? q.cursor.split("~") : [];
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      position,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      clientId: auditEvents.clientId,
      details: auditEvents.details,
      personName: users.name,
      personEmail: users.email,
      clientFirst: clients.firstName,
      clientLast: clients.lastName,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    // Names only for this clinic's clients: a refused attempt's id never names anyone.
    .leftJoin(clients, and(eq(clients.clinicId, auditEvents.clinicId), eq(clients.id, auditEvents.clientId)))
    .where(
      and(
        clinicScope(actor, auditEvents),
        q.personId ? eq(auditEvents.actorUserId, q.personId) : undefined,
        q.clientId ? eq(auditEvents.clientId, q.clientId) : undefined,
        q.action ? eq(auditEvents.action, q.action) : undefined,
        q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.from ? gte(auditEvents.at, zonedInstant(q.from, 0, tz)) : undefined,
        q.to ? lt(auditEvents.at, zonedInstant(addLocalDays(q.to, 1), 0, tz)) : undefined,
        cursorAt
          ? sql`(${auditEvents.at}, ${auditEvents.seq}) < (${cursorAt}::timestamptz, ${Number(cursorSeq)}::bigint)`
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      label: eventLabel(r.action),
      personName: r.personName,
      personEmail: r.personEmail,
      clientId: r.clientId,
      clientName: r.clientFirst ? `${r.clientFirst} ${r.clientLast}` : null,
      entityType: r.entityType,
      entityId: r.entityId,
      note: refusedNote(r.action, r.details),
      changedFields: Array.isArray(r.details.fields) ? (r.details.fields as unknown[]).map(String).map(fieldLabel) : [],
      details: r.details,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.position : null,
  };
}
