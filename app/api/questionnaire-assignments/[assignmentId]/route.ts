import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { cancelAssignment } from "@/lib/outcomes/questionnaires/assignments/cancel-assignment";

export const DELETE = route(ops.cancelAssignment, ({ db, actor, input }) =>
  cancelAssignment(db, actor, input.params.assignmentId),
);
