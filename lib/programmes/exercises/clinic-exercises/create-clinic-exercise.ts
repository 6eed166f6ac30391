import "server-only";
import type { Db } from "@/db/client";
import { clinicExercises } from "@/db/schema";
import type { ExerciseDosage } from "@/db/schema/reference";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { assertTargetMuscles } from "../exercise-rows";
import type { CreateExerciseBody, ExerciseDto } from "../schemas";
import { assertCatalogueShape } from "./exercise-writes";
import { getClinicExercise } from "./get-clinic-exercise";

/** Adds an exercise to the clinic's own library. */
export async function createClinicExercise(db: Db, actor: Actor, input: CreateExerciseBody): Promise<ExerciseDto> {
  assertCan(actor, "exercises.write");
  assertCatalogueShape(input);
  const id = await db.transaction(async (tx) => {
    await assertTargetMuscles(tx, actor, input.targetMuscles);
    const [row] = await tx
      .insert(clinicExercises)
      .values({ clinicId: actor.clinicId, createdBy: actor.userId, ...input, dosage: input.dosage as ExerciseDosage })
      .returning({ id: clinicExercises.id });
    await recordEvent(tx, actor, {
      action: "exercise.created",
      entityType: "clinic_exercise",
      entityId: row!.id,
      details: { tool: input.tool },
    });
    return row!.id;
  });
  return getClinicExercise(db, actor, id);
}
