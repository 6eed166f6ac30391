import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-exercises";
import { setClinicExerciseArchived } from "@/lib/programmes/exercises/clinic-exercises/set-clinic-exercise-archived";

export const POST = route(ops.archiveExercise, ({ db, actor, input }) =>
  setClinicExerciseArchived(db, actor, input.params.exerciseId, true),
);
