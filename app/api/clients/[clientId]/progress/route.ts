import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-pain";
import { getProgress } from "@/lib/pain/progress";

export const GET = route(ops.getProgress, ({ db, actor, input }) => getProgress(db, actor, input.params.clientId));
