import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import type { createComplaintBody } from "../schemas";
import { toComplaintDto } from "./complaint-rows";

export async function createComplaint(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof createComplaintBody>,
) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    const [row] = await tx
      .insert(complaints)
      .values({
        clinicId: actor.clinicId,
        clientId,
        title: input.title,
        regions: input.regions,
        onsetDate: input.onsetDate ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: "complaint.created",
      entityType: "complaint",
      entityId: row!.id,
      details: { clientId },
    });
    return toComplaintDto(row!);
  });
}
