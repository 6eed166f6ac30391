import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import type { Operation } from "@/lib/http/operation";
import { recordRead, recordRefused, refusalReason } from "./record-read";

/** The first path parameter names the record: clientId → client, visitId → visit. */
function target(params: Record<string, unknown>): { entityType: string; id: string | null } {
  const [name, value] = Object.entries(params ?? {})[0] ?? [];
  if (!name) return { entityType: "client", id: null };
  return { entityType: name.replace(/Id$/, ""), id: typeof value === "string" ? value : null };
}

/** After an audited operation succeeded: one event naming the client and the record read. */
export async function auditOperationRead(
  db: Db,
  actor: Actor,
  op: Operation,
  params: Record<string, unknown>,
  result: unknown,
) {
  const spec = op.auditRead!;
  const { entityType, id } = target(params);
  const fromResult =
    result && typeof result === "object" && "clientId" in result ? (result as { clientId: unknown }).clientId : null;
  const clientId = spec.client === "result" ? fromResult : params.clientId;
  await recordRead(db, actor, {
    kind: spec.kind,
    clientId: typeof clientId === "string" ? clientId : null,
    entityType,
    entityId: id,
  });
}

/**
 * After an audited operation was refused (404 for another clinic's or client's id, 403):
 * record the attempt. A failure to record it never changes the answer the caller gets.
 */
export async function auditOperationRefused(
  db: Db,
  actor: Actor,
  op: Operation,
  params: Record<string, unknown>,
  err: unknown,
) {
  const reason = refusalReason(err);
  if (!reason) return;
  const { entityType, id } = target(params);
  try {
    await recordRefused(db, actor, { kind: op.auditRead!.kind, entityType, id, reason });
  } catch (e) {
    console.error("audit: could not record a refused read", (e as Error).message);
  }
}
