import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clientTools } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import type { setToolsBody } from "./schemas";
import { getClientSafety } from "./get-client-safety";

/** Replaces the owned tools: by the therapist, or by the client for themself. */
export async function setTools(db: Db, actor: Actor, clientId: string, input: z.output<typeof setToolsBody>) {
  if (actor.clientId !== clientId) assertCan(actor, "clinical.write");
  else assertCan(actor, "portal.self");
  await db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    await tx.delete(clientTools).where(and(clinicScope(actor, clientTools), eq(clientTools.clientId, clientId)));
    if (input.tools.length)
      await tx.insert(clientTools).values(input.tools.map((tool) => ({ clinicId: actor.clinicId, clientId, tool })));
    await recordEvent(tx, actor, {
      action: "client.tools_set",
      entityType: "client",
      entityId: clientId,
      details: { tools: input.tools },
    });
  });
  return getClientSafety(db, actor, clientId);
}
