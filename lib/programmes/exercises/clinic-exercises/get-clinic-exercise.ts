import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExercises } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import { clinicExerciseDto, muscleIndex, selectClinicExercises } from "../exercise-rows";
import type { ExerciseDto } from "../schemas";

/** One clinic exercise as a DTO, archived or not; NOT_FOUND when absent or another clinic's. */
export async function getClinicExercise(db: Db, actor: Actor, id: string): Promise<ExerciseDto> {
  assertCan(actor, "muscles.read");
  const [found] = await selectClinicExercises(db, actor, eq(clinicExercises.id, id));
  if (!found) throw notFound("That exercise");
  return clinicExerciseDto(found.row, found.uploadedAt, await muscleIndex(db, actor));
}
