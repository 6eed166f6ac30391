import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-questionnaires";
import { listCheckIns } from "@/lib/questionnaires/check-ins";

export const GET = route(ops.listClientCheckIns, ({ db, actor, input }) =>
  listCheckIns(db, actor, input.params.clientId),
);
