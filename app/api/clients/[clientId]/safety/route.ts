import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-safety";
import { getClientSafety } from "@/lib/programmes/safety/get-client-safety";

export const GET = route(ops.getClientSafety, ({ db, actor, input }) =>
  getClientSafety(db, actor, input.params.clientId),
);
