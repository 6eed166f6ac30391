import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clientScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict } from "@/lib/errors";
import type { ClientDetail, updateClientBody } from "../schemas";
import { getClientOrThrow } from "./get-client-or-throw";

export async function updateClient(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof updateClientBody>,
): Promise<ClientDetail> {
  assertCan(actor, "clients.write");
  const { version, ...changes } = input;
  await db.transaction(async (tx) => {
    const current = await getClientOrThrow(tx, actor, clientId);
    if (current.archivedAt)
      throw new AppError("CONFLICT", "This client is archived. Restore the record before editing it.");
    const [row] = await tx
      .update(clients)
      .set({ ...changes, version: sql`${clients.version} + 1`, updatedAt: new Date() })
      .where(and(clientScope(actor), eq(clients.id, clientId), eq(clients.version, version)))
      .returning({ id: clients.id });
    if (!row) {
      throw conflict(
        "Someone else saved this client while you were editing. Reload to see their changes, then apply yours.",
        {
          currentVersion: current.version,
        },
      );
    }
    await recordEvent(tx, actor, {
      action: "client.updated",
      entityType: "client",
      entityId: clientId,
      details: { fields: Object.keys(changes) },
    });
  });
  return getClientOrThrow(db, actor, clientId);
}
