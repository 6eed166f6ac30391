import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { getProgress } from "@/lib/outcomes/pain/progress";
import { requireClientId } from "@/lib/identity/actor";

export const GET = route(ops.getMyProgress, ({ db, actor, input }) =>
  getProgress(db, actor, requireClientId(actor), input.query),
);
