import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExercises } from "@/db/schema";
import type { ExerciseDosage } from "@/db/schema/reference";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { smrExercise } from "@/lib/programmes/reference";
import { assertTargetMuscles, clinicExerciseDto, muscleIndex, selectClinicExercises } from "./exercise-rows";
import type { CreateExerciseBody, ExerciseDto, UpdateExerciseBody } from "./schemas";

/*
 * A clinic's own SMR exercises. The seeded library lives in smr_exercises and is never written
 * here: these functions only ever match clinic_exercises rows of the actor's clinic, so a library
 * id (or another clinic's exercise) is NOT_FOUND.
 */

/**
 * The stored exercise must pass the reference's own schema, which the programme builder and
 * the catalogue parse with: a mismatch would surface later as a broken programme, so fail now.
 */
function assertCatalogueShape(
  e: Pick<CreateExerciseBody, "name" | "tool" | "targetMuscles" | "instructions" | "dosage" | "cautions">,
) {
  smrExercise.parse({
    id: "clinic:new",
    name: e.name,
    tool: e.tool,
    target_muscles: e.targetMuscles,
    instructions: e.instructions,
    dosage: e.dosage,
    cautions: e.cautions,
  });
}

/** One clinic exercise as a DTO, archived or not; NOT_FOUND when absent or another clinic's. */
export async function getClinicExercise(db: Db, actor: Actor, id: string): Promise<ExerciseDto> {
  assertCan(actor, "muscles.read");
  const [found] = await selectClinicExercises(db, actor, eq(clinicExercises.id, id));
  if (!found) throw notFound("That exercise");
  return clinicExerciseDto(found.row, found.uploadedAt, await muscleIndex(db, actor));
}

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

async function lockedRow(tx: Db, actor: Actor, id: string) {
  const [row] = await selectClinicExercises(tx, actor, eq(clinicExercises.id, id)).for("update", {
    of: clinicExercises,
  });
  if (!row) throw notFound("That exercise");
  return row;
}

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
