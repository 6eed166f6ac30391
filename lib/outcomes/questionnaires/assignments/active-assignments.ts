import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicInstrumentWordings, questionnaireAssignments, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { clinicRow } from "@/lib/clinic-row";
import { getInstrument } from "@/lib/outcomes/rules/instruments";
import { applyOutcomeSettings } from "@/lib/outcomes/rules/outcome-settings";
import { notFound } from "@/lib/errors";
import { shippedQuestionnaire, withWording } from "../instruments";
import { outcomeSettingsOf } from "../outcome-settings";
import type { AssignmentDto, InstrumentDto } from "../schemas";

// A client's active assignments, shared by the use-cases beside this file: the list with whether each
// is due, the due ones with their instruments, and the guard a response naming an assignment must pass.
// No permission check here: the callers make it.

/**
 * Active assignments with whether each is due: a one-off until answered once; a recurring
 * one again when N visits have happened since its last response.
 */
export async function listAssignments(db: Db, actor: Actor, clientId: string): Promise<AssignmentDto[]> {
  return (await loadAssignments(db, actor, clientId)).map((l) => l.assignment);
}

type Wording = typeof clinicInstrumentWordings.$inferSelect;

/** An active assignment with the clinic's licensed wording for its instrument, read in the same statement. */
export interface LoadedAssignment {
  assignment: AssignmentDto;
  wording: Wording | null;
}

/**
 * The due ones of a client's loaded assignments, each with its instrument as this clinic shows it: the
 * portal's questionnaire list, its home card and one questionnaire's page. The wording came with the
 * assignment and the scoring choices with the clinic's row (read once per render), so no read per questionnaire.
 */
export async function dueWithInstruments(
  db: Db,
  actor: Actor,
  loaded: LoadedAssignment[],
): Promise<(AssignmentDto & { instrument: InstrumentDto })[]> {
  const due = loaded.filter((l) => l.assignment.due);
  if (!due.length) return [];
  const settings = outcomeSettingsOf(await clinicRow(db, actor));
  return due.map(({ assignment, wording }) => {
    const shipped = shippedQuestionnaire(assignment.instrumentId);
    return {
      ...assignment,
      instrument: withWording(applyOutcomeSettings(shipped, settings), wording ?? undefined).dto,
    };
  });
}

/** The active assignments (newest first) with whether each is due, and their instruments' clinic wording. */
export async function loadAssignments(db: Db, actor: Actor, clientId: string): Promise<LoadedAssignment[]> {
  // The subquery names the outer table literally: drizzle leaves columns unqualified in a
  // single-table select, which would bind them to the inner table.
  const rows = await db
    .select({
      a: questionnaireAssignments,
      wording: clinicInstrumentWordings,
      lastCompletedAt: sql<Date | null>`(select max(r.completed_at) from questionnaire_responses r
        where r.clinic_id = questionnaire_assignments.clinic_id and r.assignment_id = questionnaire_assignments.id)`,
    })
    .from(questionnaireAssignments)
    .leftJoin(
      clinicInstrumentWordings,
      and(
        eq(clinicInstrumentWordings.clinicId, questionnaireAssignments.clinicId),
        eq(clinicInstrumentWordings.instrumentId, questionnaireAssignments.instrumentId),
      ),
    )
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
  const out: LoadedAssignment[] = [];
  for (const { a, wording, lastCompletedAt } of rows) {
    const last = lastCompletedAt ? new Date(lastCompletedAt) : null;
    let due = last === null;
    if (last && a.everyNVisits) due = visitTimes.filter((t) => t > last.getTime()).length >= a.everyNVisits;
    const assignment: AssignmentDto = {
      id: a.id,
      clientId: a.clientId,
      instrumentId: a.instrumentId,
      instrumentName: getInstrument(a.instrumentId)?.name ?? a.instrumentId,
      complaintId: a.complaintId,
      everyNVisits: a.everyNVisits,
      assignedAt: a.assignedAt.toISOString(),
      due,
      lastCompletedAt: last?.toISOString() ?? null,
    };
    out.push({ assignment, wording });
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
