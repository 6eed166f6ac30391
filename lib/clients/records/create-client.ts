import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { ClientDetail, clientFields } from "../schemas";
import { getClientOrThrow } from "./get-client-or-throw";

export async function createClient(db: Db, actor: Actor, input: z.output<typeof clientFields>): Promise<ClientDetail> {
  assertCan(actor, "clients.write");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clients)
      .values({ clinicId: actor.clinicId, ...input })
      .returning({ id: clients.id });
    await recordEvent(tx, actor, { action: "client.created", entityType: "client", entityId: row!.id });
    return row!.id;
  });
  return getClientOrThrow(db, actor, id);
}
