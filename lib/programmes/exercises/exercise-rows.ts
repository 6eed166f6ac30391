import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages, clinicExercises, clinicMuscles, muscles } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { invalid } from "@/lib/errors";
import { clinicExerciseKey, imageUrlFor } from "./catalogue";
import type { ExerciseDto } from "./schemas";

export interface MuscleRef {
  id: string;
  name: string;
  region: string;
}

/** Names and regions of every muscle an exercise of this clinic may target (library + the clinic's own, archived too). */
export async function muscleIndex(db: Db, actor: Actor): Promise<Map<string, MuscleRef>> {
  const [lib, own] = await Promise.all([
    db.select({ id: muscles.id, name: muscles.name, region: muscles.region }).from(muscles),
    db
      .select({ id: clinicMuscles.id, name: clinicMuscles.name, region: clinicMuscles.region })
      .from(clinicMuscles)
      .where(clinicScope(actor, clinicMuscles)),
  ]);
  return new Map([...lib, ...own].map((m) => [m.id, m]));
}

/**
 * Target muscles must name the shared library or the clinic's own live muscles; another
 * clinic's muscle is as unknown as a made-up one. 400 with the field error the form shows.
 */
export async function assertTargetMuscles(db: Db, actor: Actor, ids: string[]): Promise<void> {
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  const [lib, own] = await Promise.all([
    db.select({ id: muscles.id }).from(muscles).where(inArray(muscles.id, ids)),
    uuids.length
      ? db
          .select({ id: clinicMuscles.id, archivedAt: clinicMuscles.archivedAt })
          .from(clinicMuscles)
          .where(and(clinicScope(actor, clinicMuscles), inArray(clinicMuscles.id, uuids)))
      : Promise.resolve([]),
  ]);
  const known = new Set([...lib.map((m) => m.id), ...own.filter((m) => !m.archivedAt).map((m) => m.id)]);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    throw invalid("Choose target muscles from the muscle library.", {
      targetMuscles: ["Choose target muscles from the muscle library."],
    });
  }
}

export type ClinicExerciseRow = typeof clinicExercises.$inferSelect;

export function clinicExerciseDto(
  r: ClinicExerciseRow,
  uploadedAt: Date | null,
  index: Map<string, MuscleRef>,
): ExerciseDto {
  return {
    id: clinicExerciseKey(r.id),
    name: r.name,
    tool: r.tool,
    instructions: r.instructions,
    dosage: r.dosage,
    cautions: r.cautions,
    targetMuscles: r.targetMuscles.map((id) => index.get(id) ?? { id, name: id, region: "" }),
    source: "clinic",
    clinicExerciseId: r.id,
    version: r.version,
    archived: r.archivedAt !== null,
    hasImage: uploadedAt !== null,
    imageUrl: uploadedAt ? imageUrlFor(r.id, uploadedAt) : null,
  };
}

/** The clinic's exercises matching `conditions`, each with its picture's upload time (null: none). */
export function selectClinicExercises(db: Db, actor: Actor, ...conditions: (SQL | undefined)[]) {
  return db
    .select({ row: clinicExercises, uploadedAt: clinicExerciseImages.uploadedAt })
    .from(clinicExercises)
    .leftJoin(
      clinicExerciseImages,
      and(
        eq(clinicExerciseImages.clinicId, clinicExercises.clinicId),
        eq(clinicExerciseImages.exerciseId, clinicExercises.id),
      ),
    )
    .where(and(clinicScope(actor, clinicExercises), ...conditions));
}
