import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExercises } from "@/db/schema";
import type { ExerciseDosage } from "@/db/schema/reference";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { assertTargetMuscles, clinicExerciseDto, muscleIndex } from "../exercise-rows";
import type { CreateExerciseBody, ExerciseDto, UpdateExerciseBody } from "../schemas";
import { assertCatalogueShape, lockedRow } from "./exercise-writes";
import { getClinicExercise } from "./get-clinic-exercise";

/**
 * Edits the fields sent. `version` is the one the editor loaded: if someone saved since,
 * nothing is written and the 409 carries the current exercise so the form can offer it.
 */
export async function updateClinicExercise(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateExerciseBody,
): Promise<ExerciseDto> {
  assertCan(actor, "exercises.write");
  await db.transaction(async (tx) => {
    const { row, uploadedAt } = await lockedRow(tx, actor, id);
    if (row.version !== input.version) {
      throw conflict("Someone else changed this exercise since you opened it. Review their version, then save again.", {
        current: clinicExerciseDto(row, uploadedAt, await muscleIndex(tx, actor)),
      });
    }
    const { version: _v, ...sent } = input;
    const fields = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined)) as Omit<
      UpdateExerciseBody,
      "version"
    >;
    const { name, tool, targetMuscles, instructions, dosage, cautions } = row;
    assertCatalogueShape({
      name,
      tool,
      targetMuscles,
      instructions,
      dosage,
      cautions,
      ...fields,
    } as CreateExerciseBody);
    if (fields.targetMuscles) await assertTargetMuscles(tx, actor, fields.targetMuscles);
    await tx
      .update(clinicExercises)
      .set({
        ...fields,
        dosage: (fields.dosage ?? row.dosage) as ExerciseDosage,
        version: row.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(clinicScope(actor, clinicExercises), eq(clinicExercises.id, id)));
    await recordEvent(tx, actor, {
      action: "exercise.updated",
      entityType: "clinic_exercise",
      entityId: id,
      details: { fields: Object.keys(fields) },
    });
  });
  return getClinicExercise(db, actor, id);
}
