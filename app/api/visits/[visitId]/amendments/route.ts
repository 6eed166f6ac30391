import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { addAmendment } from "@/lib/visits/write-visits";

export const POST = route(ops.addAmendment, ({ db, actor, input }) =>
  addAmendment(db, actor, input.params.visitId, input.body),
);
