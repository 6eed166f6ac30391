import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { getProgress } from "@/lib/outcomes/pain/progress";

export const GET = route(ops.getProgress, ({ db, actor, input }) =>
  getProgress(db, actor, input.params.clientId, input.query),
);
