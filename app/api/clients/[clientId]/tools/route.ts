import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-safety";
import { setTools } from "@/lib/programmes/safety/client-safety";

export const PUT = route(ops.setClientTools, ({ db, actor, input }) =>
  setTools(db, actor, input.params.clientId, input.body),
);
