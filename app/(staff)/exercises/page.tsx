import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { can } from "@/lib/identity/scopes";
import { getDb } from "@/lib/server-db";
import { exerciseRegions } from "@/lib/programmes/exercises/exercise-regions";
import { listExercises, listExercisesQuery } from "@/lib/programmes/exercises/list-exercises";
import { listMuscles } from "@/lib/clinical/list-muscles";
import type { ExerciseFilters as Filters } from "@/app/_lib/queries/exercises";
import { PageHeader } from "@/app/_components/ui/layout";
import { ExerciseFilters } from "./_components/exercise-filters";
import { ExerciseLibrary } from "./_components/exercise-library";
import type { MuscleOption } from "./_components/muscle-picker";

export const metadata: Metadata = { title: "SMR exercise library" };

export default async function ExercisesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor({ permission: "muscles.read" });
  const canWrite = can(actor, "exercises.write");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const parsed = listExercisesQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  // Archived exercises are for those who manage them.
  if (!canWrite) delete query.includeArchived;
  const filters: Filters = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const db = await getDb();
  const [exercises, regions, muscleRows] = await Promise.all([
    listExercises(db, actor, query),
    exerciseRegions(db, actor),
    listMuscles(db, actor),
  ]);
  const muscles: MuscleOption[] = muscleRows.map((m) => ({
    id: m.id,
    name: m.name,
    region: m.region,
    source: m.source,
  }));
  return (
    <>
      <PageHeader
        title="SMR exercise library"
        description="Self-myofascial release with a ball, roller, stick, hook tool, massage gun or hands: instructions, default dosage and cautions. Your clinic's own exercises are marked Clinic."
      />
      <ExerciseFilters query={query} regions={regions} muscles={muscles} canWrite={canWrite} />
      <ExerciseLibrary initial={exercises} filters={filters} canWrite={canWrite} muscles={muscles} />
    </>
  );
}
