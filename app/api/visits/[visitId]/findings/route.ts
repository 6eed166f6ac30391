import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { createFinding } from "@/lib/clinical/findings/create-finding";

export const POST = route(ops.createFinding, ({ db, actor, input }) =>
  createFinding(db, actor, input.params.visitId, input.body),
);
