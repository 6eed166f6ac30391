import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { deleteFinding } from "@/lib/clinical/findings/delete-finding";
import { updateFinding } from "@/lib/clinical/findings/update-finding";

export const PATCH = route(ops.updateFinding, ({ db, actor, input }) =>
  updateFinding(db, actor, input.params.visitId, input.params.findingId, input.body),
);
export const DELETE = route(ops.deleteFinding, ({ db, actor, input }) =>
  deleteFinding(db, actor, input.params.visitId, input.params.findingId),
);
