import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { questionnaireAssignments, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { getInstrument } from "@/lib/outcomes/rules/instruments";
import { notFound } from "@/lib/errors";
import type { AssignmentDto } from "../schemas";

// A client's active assignments, shared by the use-cases beside this file: the list with whether each
// is due (the portal's questionnaire page reads it too, having checked the actor itself) and the guard a
// response naming an assignment must pass. No permission check here: the callers make it.

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
