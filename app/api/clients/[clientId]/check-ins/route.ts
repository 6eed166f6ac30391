import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { listCheckIns } from "@/lib/outcomes/questionnaires/check-ins/list-check-ins";

export const GET = route(ops.listClientCheckIns, ({ db, actor, input }) =>
  listCheckIns(db, actor, input.params.clientId),
);
