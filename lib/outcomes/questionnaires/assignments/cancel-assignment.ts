import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { questionnaireAssignments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";

export async function cancelAssignment(db: Db, actor: Actor, assignmentId: string) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(questionnaireAssignments)
      .set({ status: "cancelled" })
      .where(and(clinicScope(actor, questionnaireAssignments), eq(questionnaireAssignments.id, assignmentId)))
      .returning({ id: questionnaireAssignments.id });
    if (!row) throw notFound("That questionnaire");
    await recordEvent(tx, actor, {
      action: "questionnaire.cancelled",
      entityType: "questionnaire_assignment",
      entityId: assignmentId,
    });
    return { id: assignmentId, cancelled: true };
  });
}
