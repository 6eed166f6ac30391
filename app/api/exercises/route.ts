import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-exercises";
import { listExercises } from "@/lib/programmes/exercises/list-exercises";
import { createClinicExercise } from "@/lib/programmes/exercises/clinic-exercises/create-clinic-exercise";

export const GET = route(ops.listExercises, ({ db, actor, input }) => listExercises(db, actor, input.query));

export const POST = route(ops.createExercise, ({ db, actor, input }) => createClinicExercise(db, actor, input.body));
