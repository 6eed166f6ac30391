import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExercises } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { ExerciseDto } from "../schemas";
import { lockedRow } from "./exercise-writes";
import { getClinicExercise } from "./get-clinic-exercise";

/**
 * Archives (hides from the library and the programme builder) or restores an exercise.
 * Programmes that already hold it keep their snapshot, so archiving never rewrites history.
 */
export async function setClinicExerciseArchived(
  db: Db,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<ExerciseDto> {
  assertCan(actor, "exercises.write");
  await db.transaction(async (tx) => {
    const { row } = await lockedRow(tx, actor, id);
    if ((row.archivedAt !== null) === archived) return;
    await tx
      .update(clinicExercises)
      .set({ archivedAt: archived ? sql`now()` : null, version: row.version + 1, updatedAt: sql`now()` })
      .where(and(clinicScope(actor, clinicExercises), eq(clinicExercises.id, id)));
    await recordEvent(tx, actor, {
      action: archived ? "exercise.archived" : "exercise.restored",
      entityType: "clinic_exercise",
      entityId: id,
    });
  });
  return getClinicExercise(db, actor, id);
}
