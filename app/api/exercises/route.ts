import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { listExercises } from "@/lib/exercises/list-exercises";

export const GET = route(ops.listExercises, ({ db, actor, input }) => listExercises(db, actor, input.query));
