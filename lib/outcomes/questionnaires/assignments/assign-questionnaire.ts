import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, questionnaireAssignments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import type { assignBody } from "../schemas";

export async function assignQuestionnaire(db: Db, actor: Actor, clientId: string, input: z.output<typeof assignBody>) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    if (input.complaintId) {
      const [c] = await tx
        .select({ id: complaints.id })
        .from(complaints)
        .where(
          and(clinicScope(actor, complaints), eq(complaints.clientId, clientId), eq(complaints.id, input.complaintId)),
        );
      if (!c) throw notFound("That complaint");
    }
    const [row] = await tx
      .insert(questionnaireAssignments)
      .values({
        clinicId: actor.clinicId,
        clientId,
        instrumentId: input.instrumentId,
        complaintId: input.complaintId ?? null,
        everyNVisits: input.everyNVisits ?? null,
        assignedBy: actor.userId,
      })
      .returning({ id: questionnaireAssignments.id });
    await recordEvent(tx, actor, {
      action: "questionnaire.assigned",
      entityType: "questionnaire_assignment",
      entityId: row!.id,
      details: { instrumentId: input.instrumentId },
    });
    return { id: row!.id };
  });
}
