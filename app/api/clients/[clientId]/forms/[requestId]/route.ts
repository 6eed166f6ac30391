import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { getSubmission } from "@/lib/forms/get-submission";

export const GET = route(ops.getClientFormSubmission, ({ db, actor, input }) =>
  getSubmission(db, actor, input.params.clientId, input.params.requestId),
);
