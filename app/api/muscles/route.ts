import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { createClinicMuscle } from "@/lib/clinical/create-clinic-muscle";
import { listMuscles } from "@/lib/clinical/list-muscles";

export const GET = route(ops.listMuscles, ({ db, actor }) => listMuscles(db, actor));
export const POST = route(ops.createClinicMuscle, ({ db, actor, input }) => createClinicMuscle(db, actor, input.body));
