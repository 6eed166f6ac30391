import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-exercises";
import { setClinicExerciseArchived } from "@/lib/exercises/clinic-exercises";

export const POST = route(ops.archiveExercise, ({ db, actor, input }) =>
  setClinicExerciseArchived(db, actor, input.params.exerciseId, true),
);
