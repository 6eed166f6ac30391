import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-questionnaires";
import { listMyCheckIns, saveMyCheckIn } from "@/lib/questionnaires/check-ins";

export const GET = route(ops.getMyCheckIns, ({ db, actor }) => listMyCheckIns(db, actor));
export const PUT = route(ops.saveMyCheckIn, ({ db, actor, input }) => saveMyCheckIn(db, actor, input.body));
