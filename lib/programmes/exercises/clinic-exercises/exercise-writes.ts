import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExercises } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { notFound } from "@/lib/errors";
import { smrExercise } from "@/lib/programmes/reference";
import { selectClinicExercises } from "../exercise-rows";
import type { CreateExerciseBody } from "../schemas";

/*
 * A clinic's own SMR exercises. The seeded library lives in smr_exercises and is never written
 * here: these functions only ever match clinic_exercises rows of the actor's clinic, so a library
 * id (or another clinic's exercise) is NOT_FOUND.
 */

/**
 * The stored exercise must pass the reference's own schema, which the programme builder and
 * the catalogue parse with: a mismatch would surface later as a broken programme, so fail now.
 */
export function assertCatalogueShape(
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

/** The exercise's row, locked for the edit; NOT_FOUND when absent or another clinic's. */
export async function lockedRow(tx: Db, actor: Actor, id: string) {
  const [row] = await selectClinicExercises(tx, actor, eq(clinicExercises.id, id)).for("update", {
    of: clinicExercises,
  });
  if (!row) throw notFound("That exercise");
  return row;
}
