import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { listClientVisits } from "@/lib/visits/read-visits";
import { createVisit } from "@/lib/visits/write-visits";

export const GET = route(ops.listClientVisits, ({ db, actor, input }) =>
  listClientVisits(db, actor, input.params.clientId, input.query),
);
export const POST = route(ops.createVisit, ({ db, actor, input }) =>
  createVisit(db, actor, input.params.clientId, input.body),
);
