import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { addAmendment } from "@/lib/clinical/visits/add-amendment";

export const POST = route(ops.addAmendment, ({ db, actor, input }) =>
  addAmendment(db, actor, input.params.visitId, input.body),
);
