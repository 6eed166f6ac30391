import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { listResponseSeries } from "@/lib/outcomes/questionnaires/responses/list-response-series";
import { submitResponse } from "@/lib/outcomes/questionnaires/responses/submit-response";

export const GET = route(ops.listClientResponses, ({ db, actor, input }) =>
  listResponseSeries(db, actor, input.params.clientId),
);
export const POST = route(ops.submitClinicResponse, ({ db, actor, input }) =>
  submitResponse(db, actor, input.params.clientId, input.body),
);
