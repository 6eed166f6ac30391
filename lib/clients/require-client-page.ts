import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import type { Permission } from "@/lib/identity/permissions";
import { getDb } from "@/lib/server-db";
import { AppError } from "@/lib/errors";
import { recordRead, recordRefused } from "@/lib/audit/record-read";
import type { ReadKind } from "@/lib/audit/read-kinds";
import { getClientOrThrow } from "./records/get-client-or-throw";

/**
 * For client sub-pages and their layouts: the actor (403 page without the permission) and
 * the client (404 page when malformed, missing or another clinic's).
 * Pages pass `read`: the audit trail records who read what, and refused ids. Layouts pass
 * `refusedAs` only: a refusal in the layout ends the request before the page could record it,
 * while a permitted read is recorded once, by the page.
 */
export async function requireClientPage(
  clientId: string,
  permission: Permission,
  read?: ReadKind,
  refusedAs: ReadKind | undefined = read,
) {
  const actor = await requireActor({ permission });
  const db = await getDb();
  const refuse = async (): Promise<never> => {
    if (refusedAs)
      await recordRefused(db, actor, { kind: refusedAs, entityType: "client", id: clientId, reason: "not_found" });
    notFound();
  };
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) await refuse();
  const client = await getClientOrThrow(db, actor, clientId).catch(async (err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") return refuse();
    throw err;
  });
  if (read) await recordRead(db, actor, { kind: read, clientId: client.id });
  return { actor, client };
}
