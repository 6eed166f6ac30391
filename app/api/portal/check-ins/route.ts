import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { listMyCheckIns } from "@/lib/outcomes/questionnaires/check-ins/list-my-check-ins";
import { saveMyCheckIn } from "@/lib/outcomes/questionnaires/check-ins/save-my-check-in";

export const GET = route(ops.getMyCheckIns, ({ db, actor }) => listMyCheckIns(db, actor));
export const PUT = route(ops.saveMyCheckIn, ({ db, actor, input }) => saveMyCheckIn(db, actor, input.body));
