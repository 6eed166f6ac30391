import "server-only";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Identifiers and changed field names only: never clinical text (admins read this). */
  details?: Record<string, unknown>;
}

/** Writes an audit event; call it inside the same transaction as the change it records. */
export async function recordEvent(db: Db, actor: Pick<Actor, "clinicId" | "userId">, event: AuditEventInput) {
  await db.insert(auditEvents).values({
    clinicId: actor.clinicId,
    actorUserId: actor.userId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    details: event.details ?? {},
  });
}
