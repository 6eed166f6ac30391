import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { createFinding } from "@/lib/visits/findings";

export const POST = route(ops.createFinding, ({ db, actor, input }) =>
  createFinding(db, actor, input.params.visitId, input.body),
);
