import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clientScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { ClientDetail } from "../schemas";
import { getClientOrThrow } from "./get-client-or-throw";

/** Archive (soft delete) or restore. Nothing clinical is ever hard-deleted from the UI. */
export async function setClientArchived(
  db: Db,
  actor: Actor,
  clientId: string,
  archived: boolean,
): Promise<ClientDetail> {
  assertCan(actor, "clients.archive");
  await db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    await tx
      .update(clients)
      .set({ archivedAt: archived ? new Date() : null, version: sql`${clients.version} + 1`, updatedAt: new Date() })
      .where(and(clientScope(actor), eq(clients.id, clientId)));
    await recordEvent(tx, actor, {
      action: archived ? "client.archived" : "client.restored",
      entityType: "client",
      entityId: clientId,
    });
  });
  return getClientOrThrow(db, actor, clientId);
}
