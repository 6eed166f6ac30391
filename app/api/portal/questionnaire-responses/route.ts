import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { submitMyResponse } from "@/lib/outcomes/questionnaires/responses/submit-my-response";

export const POST = route(ops.submitMyResponse, ({ db, actor, input }) => submitMyResponse(db, actor, input.body));
