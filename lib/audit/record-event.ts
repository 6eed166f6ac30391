import "server-only";
import type { Db } from "@/db/client";
import { auditEvents, platformAuditEvents } from "@/db/schema";
import { currentRequestMeta, type RequestMeta } from "./request-meta";

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  /**
   * The client the event is about, so their record can show who opened or changed it.
   * Omitted: taken from a client entity or `details.clientId`.
   */
  clientId?: string | null;
  /** Identifiers and changed field names only: never clinical text (admins read this). */
  details?: Record<string, unknown>;
}

/**
 * Who acted. `clinicId: null` (a failed sign-in for an unknown address, a platform operator)
 * goes to the platform chain; `userId: null` when nobody is signed in.
 */
export interface AuditActor {
  clinicId: string | null;
  userId: string | null;
}

const row = (actor: AuditActor, event: AuditEventInput, meta: RequestMeta | null) => ({
  actorUserId: actor.userId,
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId ?? null,
  details: event.details ?? {},
  requestId: meta?.requestId ?? null,
  ip: meta?.ip ?? null,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client an event concerns: given, the client record itself, or named in its details. */
function clientOf(e: AuditEventInput): string | null {
  // An explicit null (a refused attempt) is kept: that id is not this clinic's client.
  if (e.clientId !== undefined) return e.clientId;
  if (e.entityType === "client" && e.entityId) return e.entityId;
  const fromDetails = e.details?.clientId;
  return typeof fromDetails === "string" && UUID.test(fromDetails) ? fromDetails : null;
}

/**
 * Writes an audit event; call it inside the same transaction as the change it records.
 * One INSERT: the database chains it (sequence, previous hash, hash) in a trigger.
 */
export async function recordEvent(db: Db, actor: AuditActor, event: AuditEventInput) {
  await recordEvents(db, actor, [event]);
}

/** The audit_events row for one clinic event, with this request's id and address. */
export async function clinicEventRow(actor: AuditActor & { clinicId: string }, event: AuditEventInput) {
  return { ...row(actor, event, await currentRequestMeta()), clinicId: actor.clinicId, clientId: clientOf(event) };
}

/** Several events in one insert (a series of 52 sessions is one statement, not 52). */
export async function recordEvents(db: Db, actor: AuditActor, events: readonly AuditEventInput[]) {
  if (!events.length) return;
  const meta = await currentRequestMeta();
  if (actor.clinicId === null) {
    await db.insert(platformAuditEvents).values(events.map((e) => row(actor, e, meta)));
    return;
  }
  const clinicId = actor.clinicId;
  await db.insert(auditEvents).values(events.map((e) => ({ ...row(actor, e, meta), clinicId, clientId: clientOf(e) })));
}
