import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, questionnaireAssignments, visits } from "@/db/schema";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import { recordEvent } from "@/lib/audit/record-event";
import { getInstrument } from "@/lib/outcomes/rules/instruments";
import { notFound } from "@/lib/errors";
import type { AssignmentDto, assignBody } from "./schemas";

/**
 * Active assignments with whether each is due: a one-off until answered once; a recurring
 * one again when N visits have happened since its last response.
 */
export async function listAssignments(db: Db, actor: Actor, clientId: string): Promise<AssignmentDto[]> {
  // The subquery names the outer table literally: drizzle leaves columns unqualified in a
  // single-table select, which would bind them to the inner table.
  const rows = await db
    .select({
      a: questionnaireAssignments,
      lastCompletedAt: sql<Date | null>`(select max(r.completed_at) from questionnaire_responses r
        where r.clinic_id = questionnaire_assignments.clinic_id and r.assignment_id = questionnaire_assignments.id)`,
    })
    .from(questionnaireAssignments)
    .where(
      and(
        clinicScope(actor, questionnaireAssignments),
        eq(questionnaireAssignments.clientId, clientId),
        eq(questionnaireAssignments.status, "active"),
      ),
    )
    .orderBy(desc(questionnaireAssignments.assignedAt));
  // One read of the visits since the earliest last answer serves every recurring assignment.
  const lasts = rows
    .filter((r) => r.a.everyNVisits && r.lastCompletedAt)
    .map((r) => new Date(r.lastCompletedAt!).getTime());
  const visitTimes = lasts.length
    ? (
        await db
          .select({ startedAt: visits.startedAt })
          .from(visits)
          .where(
            and(
              clinicScope(actor, visits),
              eq(visits.clientId, clientId),
              gt(visits.startedAt, new Date(Math.min(...lasts))),
            ),
          )
      ).map((v) => v.startedAt.getTime())
    : [];
  const out: AssignmentDto[] = [];
  for (const { a, lastCompletedAt } of rows) {
    const last = lastCompletedAt ? new Date(lastCompletedAt) : null;
    let due = last === null;
    if (last && a.everyNVisits) due = visitTimes.filter((t) => t > last.getTime()).length >= a.everyNVisits;
    out.push({
      id: a.id,
      clientId: a.clientId,
      instrumentId: a.instrumentId,
      instrumentName: getInstrument(a.instrumentId)?.name ?? a.instrumentId,
      complaintId: a.complaintId,
      everyNVisits: a.everyNVisits,
      assignedAt: a.assignedAt.toISOString(),
      due,
      lastCompletedAt: last?.toISOString() ?? null,
    });
  }
  return out;
}

export async function listClientAssignments(db: Db, actor: Actor, clientId: string) {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  return listAssignments(db, actor, clientId);
}

/** What the client should fill in now (portal). */
export async function listMyDueQuestionnaires(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  return (await listAssignments(db, actor, requireClientId(actor))).filter((a) => a.due);
}

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

/** Guard used when a response names an assignment: it must be this client's and active. */
export async function assertAssignment(
  db: Db,
  actor: Actor,
  clientId: string,
  assignmentId: string,
  instrumentId: string,
) {
  const [a] = await db
    .select({ id: questionnaireAssignments.id })
    .from(questionnaireAssignments)
    .where(
      and(
        clinicScope(actor, questionnaireAssignments),
        eq(questionnaireAssignments.id, assignmentId),
        eq(questionnaireAssignments.clientId, clientId),
        eq(questionnaireAssignments.instrumentId, instrumentId),
        eq(questionnaireAssignments.status, "active"),
      ),
    );
  if (!a) throw notFound("That questionnaire");
}
