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

const row = (actor: Pick<Actor, "clinicId" | "userId">, event: AuditEventInput) => ({
  clinicId: actor.clinicId,
  actorUserId: actor.userId,
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId ?? null,
  details: event.details ?? {},
});

/** Writes an audit event; call it inside the same transaction as the change it records. */
export async function recordEvent(db: Db, actor: Pick<Actor, "clinicId" | "userId">, event: AuditEventInput) {
  await db.insert(auditEvents).values(row(actor, event));
}

/** Several events in one insert (a series of 52 sessions is one statement, not 52). */
export async function recordEvents(
  db: Db,
  actor: Pick<Actor, "clinicId" | "userId">,
  events: readonly AuditEventInput[],
) {
  if (events.length) await db.insert(auditEvents).values(events.map((e) => row(actor, e)));
}
