import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-questionnaires";
import { listResponseSeries, submitResponse } from "@/lib/questionnaires/responses";

export const GET = route(ops.listClientResponses, ({ db, actor, input }) =>
  listResponseSeries(db, actor, input.params.clientId),
);
export const POST = route(ops.submitClinicResponse, ({ db, actor, input }) =>
  submitResponse(db, actor, input.params.clientId, input.body),
);
