import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-safety";
import { setTools } from "@/lib/client-safety/client-safety";

export const PUT = route(ops.setClientTools, ({ db, actor, input }) =>
  setTools(db, actor, input.params.clientId, input.body),
);
