import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { listClientVisits } from "@/lib/clinical/visits/list-client-visits";
import { createVisit } from "@/lib/clinical/visits/create-visit";

export const GET = route(ops.listClientVisits, ({ db, actor, input }) =>
  listClientVisits(db, actor, input.params.clientId, input.query),
);
export const POST = route(ops.createVisit, ({ db, actor, input }) =>
  createVisit(db, actor, input.params.clientId, input.body),
);
