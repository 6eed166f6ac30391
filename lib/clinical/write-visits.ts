import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, findings, visitAmendments, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { amendmentBody, createVisitBody, signVisitBody, updateVisitNoteBody } from "./schemas";

const SIGNED_MESSAGE = "This visit is signed and locked. Add an amendment to correct it.";

/** The visit row, locked for this transaction, or NOT_FOUND. */
async function lockVisit(tx: Db, actor: Actor, visitId: string) {
  const [row] = await tx
    .select()
    .from(visits)
    .where(and(clinicScope(actor, visits), eq(visits.id, visitId)))
    .for("update");
  if (!row) throw notFound("That visit");
  return row;
}

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
