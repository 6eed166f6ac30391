import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-safety";
import { getClientSafety } from "@/lib/client-safety/client-safety";

export const GET = route(ops.getClientSafety, ({ db, actor, input }) =>
  getClientSafety(db, actor, input.params.clientId),
);
