import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-exercises";
import { listExercises } from "@/lib/exercises/list-exercises";
import { createClinicExercise } from "@/lib/exercises/clinic-exercises";

export const GET = route(ops.listExercises, ({ db, actor, input }) => listExercises(db, actor, input.query));

export const POST = route(ops.createExercise, ({ db, actor, input }) => createClinicExercise(db, actor, input.body));
