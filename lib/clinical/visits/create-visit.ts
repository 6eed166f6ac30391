import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { findings, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import type { createVisitBody } from "../schemas";

/**
 * Opens a visit and carries forward the open points of the client's last visit, each
 * awaiting today's status, so nothing is retyped and each point keeps its trajectory.
 */
export async function createVisit(db: Db, actor: Actor, clientId: string, input: z.output<typeof createVisitBody>) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    const client = await getClientOrThrow(tx, actor, clientId);
    if (client.archivedAt) throw conflict("This client is archived. Restore the record before opening a visit.");
    const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
    const [last] = await tx
      .select({ id: visits.id })
      .from(visits)
      .where(and(clinicScope(actor, visits), eq(visits.clientId, clientId)))
      .orderBy(desc(visits.startedAt))
      .limit(1);
    const [visit] = await tx
      .insert(visits)
      .values({ clinicId: actor.clinicId, clientId, therapistUserId: actor.userId, startedAt })
      .returning({ id: visits.id });
    let carried = 0;
    if (last) {
      const open = await tx
        .select()
        .from(findings)
        .where(
          and(
            clinicScope(actor, findings),
            eq(findings.visitId, last.id),
            sql`${findings.status} is distinct from 'resolved'`,
          ),
        );
      for (const f of open) {
        // Today's measurements start empty; identity, position and type carry over.
        await tx.insert(findings).values({
          clinicId: actor.clinicId,
          visitId: visit!.id,
          triggerPointId: f.triggerPointId,
          view: f.view,
          x: f.x,
          y: f.y,
          templateId: f.templateId,
          templateVersion: f.templateVersion,
          type: f.type,
          status: null,
        });
        carried++;
      }
    }
    await recordEvent(tx, actor, {
      action: "visit.created",
      entityType: "visit",
      entityId: visit!.id,
      details: { clientId, carriedForward: carried },
    });
    return { id: visit!.id, carriedForward: carried };
  });
}
