import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { findings, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict } from "@/lib/errors";
import type { signVisitBody } from "../schemas";
import { lockVisit } from "./visit-rows";

/** Signs (locks) the visit; every carried-forward point must have today's status first. */
export async function signVisit(db: Db, actor: Actor, visitId: string, input: z.output<typeof signVisitBody>) {
  assertCan(actor, "visits.sign");
  return db.transaction(async (tx) => {
    const current = await lockVisit(tx, actor, visitId);
    if (current.signedAt) throw conflict("This visit is already signed.");
    if (current.version !== input.version)
      throw conflict("The note changed since you reviewed it. Check the latest text, then sign.");
    const [{ pending } = { pending: 0 }] = await tx
      .select({ pending: sql<number>`count(*)::int` })
      .from(findings)
      .where(and(clinicScope(actor, findings), eq(findings.visitId, visitId), isNull(findings.status)));
    if (pending > 0) {
      throw new AppError(
        "INVALID",
        `Give today's status for ${pending} carried-forward point${pending === 1 ? "" : "s"} (or mark ${pending === 1 ? "it" : "them"} not checked) before signing.`,
      );
    }
    const signedAt = new Date();
    await tx
      .update(visits)
      .set({ signedAt, signedBy: actor.userId })
      .where(and(clinicScope(actor, visits), eq(visits.id, visitId)));
    await recordEvent(tx, actor, { action: "visit.signed", entityType: "visit", entityId: visitId });
    return { id: visitId, signedAt: signedAt.toISOString() };
  });
}
