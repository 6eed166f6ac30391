import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-exercises";
import { getClinicExercise } from "@/lib/programmes/exercises/clinic-exercises/get-clinic-exercise";
import { updateClinicExercise } from "@/lib/programmes/exercises/clinic-exercises/update-clinic-exercise";

export const GET = route(ops.getExercise, ({ db, actor, input }) =>
  getClinicExercise(db, actor, input.params.exerciseId),
);

export const PATCH = route(ops.updateExercise, ({ db, actor, input }) =>
  updateClinicExercise(db, actor, input.params.exerciseId, input.body),
);
