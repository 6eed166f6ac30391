import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { signVisit } from "@/lib/visits/write-visits";

export const POST = route(ops.signVisit, ({ db, actor, input }) =>
  signVisit(db, actor, input.params.visitId, input.body),
);
