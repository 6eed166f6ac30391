import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-questionnaires";
import { submitMyResponse } from "@/lib/questionnaires/responses";

export const POST = route(ops.submitMyResponse, ({ db, actor, input }) => submitMyResponse(db, actor, input.body));
