import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict } from "@/lib/errors";
import type { updateVisitNoteBody } from "../schemas";
import { lockVisit } from "./visit-rows";

const SIGNED_MESSAGE = "This visit is signed and locked. Add an amendment to correct it.";

/**
 * Autosave of the SOAP note. A write based on an older version is refused with 409 and the
 * current text, so the editor can show it and keep the user's own words to merge.
 */
export async function updateVisitNote(
  db: Db,
  actor: Actor,
  visitId: string,
  input: z.output<typeof updateVisitNoteBody>,
) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    const current = await lockVisit(tx, actor, visitId);
    if (current.signedAt) throw conflict(SIGNED_MESSAGE);
    if (current.version !== input.version) {
      throw new AppError(
        "CONFLICT",
        "This note was changed elsewhere (another tab or person) since you loaded it.",
        undefined,
        {
          current: {
            subjective: current.subjective,
            objective: current.objective,
            assessment: current.assessment,
            plan: current.plan,
            painRegions: current.painRegions,
            version: current.version,
            updatedAt: current.updatedAt.toISOString(),
          },
        },
      );
    }
    const { version: _v, ...changes } = input;
    const [row] = await tx
      .update(visits)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(and(clinicScope(actor, visits), eq(visits.id, visitId)))
      .returning({ version: visits.version, updatedAt: visits.updatedAt });
    // Autosave writes every few seconds: one audit event per editing session (10 minutes) is enough.
    const [recent] = await tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.clinicId, actor.clinicId),
          eq(auditEvents.entityId, visitId),
          eq(auditEvents.actorUserId, actor.userId),
          eq(auditEvents.action, "visit.note_edited"),
          gt(auditEvents.at, new Date(Date.now() - 10 * 60_000)),
        ),
      )
      .limit(1);
    if (!recent) {
      await recordEvent(tx, actor, {
        action: "visit.note_edited",
        entityType: "visit",
        entityId: visitId,
        details: { fields: Object.keys(changes) },
      });
    }
    return { version: row!.version, updatedAt: row!.updatedAt.toISOString() };
  });
}
