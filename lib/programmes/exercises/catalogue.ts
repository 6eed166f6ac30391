import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages, clinicExercises, smrExercises } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { notFound } from "@/lib/errors";
import { smrExercise, type SmrExercise } from "@/lib/programmes/reference";

/** Clinic exercises are keyed "clinic:<uuid>" so one string names any exercise a programme can hold. */
export const CLINIC_PREFIX = "clinic:";
export const clinicExerciseKey = (id: string) => `${CLINIC_PREFIX}${id}`;

/** A clinic exercise's picture; the upload time in the query makes a replaced picture a new URL for caches. */
export function imageUrlFor(exerciseId: string, uploadedAt: Date): string {
  return `/api/exercises/${exerciseId}/image?v=${uploadedAt.getTime()}`;
}

export interface CatalogueExercise extends SmrExercise {
  source: "library" | "clinic";
  hasImage: boolean;
  /** The picture of a clinic exercise (GET /api/exercises/{uuid}/image, readable by the clinic's clients too), else null. */
  imageUrl: string | null;
}

/**
 * Everything a therapist may prescribe in the actor's clinic: the shared library plus the clinic's
 * own live exercises, in the one shape the programme rules (dosage, precautions, tools) take.
 * Both are parsed with the reference's zod schema, so a malformed clinic exercise fails loudly.
 */
export async function exerciseCatalogue(db: Db, actor: Actor): Promise<CatalogueExercise[]> {
  const [library, own] = await Promise.all([
    db.select().from(smrExercises).orderBy(asc(smrExercises.name)),
    db
      .select({ row: clinicExercises, uploadedAt: clinicExerciseImages.uploadedAt })
      .from(clinicExercises)
      .leftJoin(
        clinicExerciseImages,
        and(
          eq(clinicExerciseImages.clinicId, clinicExercises.clinicId),
          eq(clinicExerciseImages.exerciseId, clinicExercises.id),
        ),
      )
      .where(and(eq(clinicExercises.clinicId, actor.clinicId), isNull(clinicExercises.archivedAt)))
      .orderBy(asc(clinicExercises.name)),
  ]);
  return [
    ...library.map((r): CatalogueExercise => ({
      ...smrExercise.parse({
        id: r.id,
        name: r.name,
        tool: r.tool,
        target_muscles: r.targetMuscles,
        instructions: r.instructions,
        dosage: r.dosage,
        cautions: r.cautions,
        standard_cautions: r.standardCautions,
      }),
      source: "library",
      hasImage: false,
      imageUrl: null,
    })),
    ...own.map(({ row: r, uploadedAt }): CatalogueExercise => ({
      ...smrExercise.parse({
        id: clinicExerciseKey(r.id),
        name: r.name,
        tool: r.tool,
        target_muscles: r.targetMuscles,
        instructions: r.instructions,
        dosage: r.dosage,
        cautions: r.cautions,
      }),
      source: "clinic",
      hasImage: uploadedAt !== null,
      imageUrl: uploadedAt ? imageUrlFor(r.id, uploadedAt) : null,
    })),
  ];
}

/** One exercise by key, in the actor's clinic; another clinic's exercise is NOT_FOUND. */
export async function catalogueExercise(db: Db, actor: Actor, key: string): Promise<CatalogueExercise> {
  const found = (await exerciseCatalogue(db, actor)).find((e) => e.id === key);
  if (!found) throw notFound("That exercise");
  return found;
}
