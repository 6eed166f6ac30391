import "server-only";
import { and, arrayOverlaps, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { containsPattern } from "@/lib/sql-like";
import { clinicExercises, smrExercises } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { clinicExerciseDto, muscleIndex, selectClinicExercises } from "./exercise-rows";
import { listExercisesQuery, type ExerciseDto, type ListExercisesQuery } from "./schemas";

export { listExercisesQuery, type ExerciseDto };

type ExerciseColumns = typeof smrExercises | typeof clinicExercises;

/** The same filters for the library and the clinic's table (their columns share names and types). */
function filters(t: ExerciseColumns, q: ListExercisesQuery, inRegion: string[] | null): (SQL | undefined)[] {
  return [
    q.tool ? eq(t.tool, q.tool) : undefined,
    q.muscle ? arrayOverlaps(t.targetMuscles, [q.muscle]) : undefined,
    inRegion ? (inRegion.length ? arrayOverlaps(t.targetMuscles, inRegion) : sql`false`) : undefined,
    q.q ? or(ilike(t.name, containsPattern(q.q)), ilike(t.instructions, containsPattern(q.q))) : undefined,
  ];
}

/**
 * The SMR library plus the clinic's own exercises (live ones; archived too with
 * `includeArchived`), searchable by words and filtered by tool, target muscle or body region.
 */
export async function listExercises(db: Db, actor: Actor, q: ListExercisesQuery): Promise<ExerciseDto[]> {
  assertCan(actor, "muscles.read");
  const index = await muscleIndex(db, actor);
  const inRegion = q.region ? [...index.values()].filter((m) => m.region === q.region).map((m) => m.id) : null;
  const [library, own] = await Promise.all([
    db
      .select()
      .from(smrExercises)
      .where(and(...filters(smrExercises, q, inRegion))),
    selectClinicExercises(
      db,
      actor,
      ...filters(clinicExercises, q, inRegion),
      q.includeArchived ? undefined : isNull(clinicExercises.archivedAt),
    ),
  ]);
  const all: ExerciseDto[] = [
    ...library.map((r): ExerciseDto => ({
      id: r.id,
      name: r.name,
      tool: r.tool,
      instructions: r.instructions,
      dosage: r.dosage,
      cautions: r.cautions,
      targetMuscles: r.targetMuscles.map((id) => index.get(id) ?? { id, name: id, region: "" }),
      source: "library",
      clinicExerciseId: null,
      version: null,
      archived: false,
      hasImage: false,
      imageUrl: null,
    })),
    ...own.map(({ row, uploadedAt }) => clinicExerciseDto(row, uploadedAt, index)),
  ];
  return all.sort((a, b) => a.name.localeCompare(b.name));
}
