import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clientPrecautions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import type { setPrecautionsBody } from "./schemas";
import { getClientSafety } from "./get-client-safety";

/** Replaces the precautions screen in one transaction (what is not listed no longer applies). */
export async function setPrecautions(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof setPrecautionsBody>,
) {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    await tx
      .delete(clientPrecautions)
      .where(and(clinicScope(actor, clientPrecautions), eq(clientPrecautions.clientId, clientId)));
    if (input.items.length) {
      await tx.insert(clientPrecautions).values(
        input.items.map((i) => ({
          clinicId: actor.clinicId,
          clientId,
          precautionId: i.id,
          areas: i.areas ?? [],
          note: i.note,
          recordedBy: actor.userId,
        })),
      );
    }
    await recordEvent(tx, actor, {
      action: "client.precautions_set",
      entityType: "client",
      entityId: clientId,
      details: { precautions: input.items.map((i) => i.id) },
    });
  });
  return getClientSafety(db, actor, clientId);
}
