import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { visitAmendments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import type { amendmentBody } from "../schemas";
import { lockVisit } from "./visit-rows";

/** A dated, signed correction under a signed note. Drafts are simply edited instead. */
export async function addAmendment(db: Db, actor: Actor, visitId: string, input: z.output<typeof amendmentBody>) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    const current = await lockVisit(tx, actor, visitId);
    if (!current.signedAt)
      throw conflict("This visit is still a draft: edit the note directly. Amendments are for signed visits.");
    const [row] = await tx
      .insert(visitAmendments)
      .values({ clinicId: actor.clinicId, visitId, authorUserId: actor.userId, reason: input.reason, body: input.body })
      .returning({ id: visitAmendments.id, createdAt: visitAmendments.createdAt });
    await recordEvent(tx, actor, {
      action: "visit.amended",
      entityType: "visit",
      entityId: visitId,
      details: { amendmentId: row!.id },
    });
    return { id: row!.id, createdAt: row!.createdAt.toISOString() };
  });
}
