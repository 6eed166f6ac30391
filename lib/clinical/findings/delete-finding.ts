import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findings, triggerPoints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { draftVisitOrThrow } from "./finding-writes";

/** Removes a point placed at this visit. Carried-forward points get a status instead. */
export async function deleteFinding(db: Db, actor: Actor, visitId: string, findingId: string) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    await draftVisitOrThrow(tx, actor, visitId);
    const [current] = await tx
      .select({ id: findings.id, triggerPointId: findings.triggerPointId })
      .from(findings)
      .where(and(clinicScope(actor, findings), eq(findings.visitId, visitId), eq(findings.id, findingId)));
    if (!current) throw notFound("That finding");
    const [{ others } = { others: 0 }] = await tx
      .select({ others: sql<number>`count(*)::int` })
      .from(findings)
      .where(
        and(
          clinicScope(actor, findings),
          eq(findings.triggerPointId, current.triggerPointId),
          ne(findings.id, findingId),
        ),
      );
    if (others > 0)
      throw conflict(
        "This point was carried forward from an earlier visit: set its status (resolved or not checked) instead of deleting it.",
      );
    await tx.delete(findings).where(and(clinicScope(actor, findings), eq(findings.id, findingId)));
    await tx
      .delete(triggerPoints)
      .where(and(clinicScope(actor, triggerPoints), eq(triggerPoints.id, current.triggerPointId)));
    await recordEvent(tx, actor, {
      action: "finding.deleted",
      entityType: "finding",
      entityId: findingId,
      details: { visitId },
    });
    return { id: findingId, deleted: true };
  });
}
