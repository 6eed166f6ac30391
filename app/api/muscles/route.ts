import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { createClinicMuscle, listMuscles } from "@/lib/visits/muscles";

export const GET = route(ops.listMuscles, ({ db, actor }) => listMuscles(db, actor));
export const POST = route(ops.createClinicMuscle, ({ db, actor, input }) => createClinicMuscle(db, actor, input.body));
