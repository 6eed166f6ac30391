import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, clinicScope } from "@/lib/auth/scopes";
import type { AuditEventDto, listAuditQuery } from "./schemas";

/** The clinic's audit trail, newest first, paged by `before`. */
export async function listAuditEvents(
  db: Db,
  actor: Actor,
  q: z.output<typeof listAuditQuery>,
): Promise<AuditEventDto[]> {
  assertCan(actor, "audit.read");
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      details: auditEvents.details,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        clinicScope(actor, auditEvents),
        q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.before ? lt(auditEvents.at, new Date(q.before)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(q.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
