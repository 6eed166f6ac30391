import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { assignQuestionnaire } from "@/lib/outcomes/questionnaires/assignments/assign-questionnaire";
import { listClientAssignments } from "@/lib/outcomes/questionnaires/assignments/list-client-assignments";

export const GET = route(ops.listClientAssignments, ({ db, actor, input }) =>
  listClientAssignments(db, actor, input.params.clientId),
);
export const POST = route(ops.assignQuestionnaire, ({ db, actor, input }) =>
  assignQuestionnaire(db, actor, input.params.clientId, input.body),
);
