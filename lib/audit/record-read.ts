import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { AppError } from "@/lib/errors";
import { clinicEventRow, recordEvent } from "./record-event";
import { appendReadEvent } from "./read-batch";
import { ACCESS_REFUSED, READ_KINDS, type ReadKind } from "./read-kinds";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReadTarget {
  kind: ReadKind;
  clientId: string | null;
  /** The record opened ("client", "visit", "programme"); defaults to the client. */
  entityType?: string;
  entityId?: string | null;
}

/**
 * Records that the actor read health information. Awaited before the data is returned:
 * when the trail cannot be written, the read fails rather than going unrecorded.
 */
export async function recordRead(db: Db, actor: Actor, target: ReadTarget) {
  // Concurrent reads share one INSERT and one commit (read-batch.ts); each still waits for its own row.
  const row = await clinicEventRow(actor, {
    action: READ_KINDS[target.kind].action,
    entityType: target.entityType ?? "client",
    entityId: target.entityId ?? target.clientId,
    clientId: target.clientId,
  });
  await appendReadEvent(db, row);
}

/**
 * Records a refused attempt (an id of another clinic or client, or one that does not exist,
 * answered 404 like any missing record). The id tried is kept as given, in the actor's own
 * clinic's trail, so nothing about the other clinic is revealed or touched; it is not linked
 * as a client of this clinic.
 */
export async function recordRefused(
  db: Db,
  actor: Actor,
  attempt: { kind: ReadKind; entityType: string; id: string | null; reason: "not_found" | "forbidden" },
) {
  const valid = attempt.id !== null && UUID.test(attempt.id);
  await recordEvent(db, actor, {
    action: ACCESS_REFUSED,
    entityType: attempt.entityType,
    entityId: valid ? attempt.id : null,
    clientId: null,
    details: { attempted: attempt.kind, reason: attempt.reason, ...(valid ? {} : { malformedId: true }) },
  });
}

/** The reason to record for an error a read ended with, or null when it was no refusal. */
export function refusalReason(err: unknown): "not_found" | "forbidden" | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === "NOT_FOUND") return "not_found";
  if (err.code === "FORBIDDEN") return "forbidden";
  return null;
}
