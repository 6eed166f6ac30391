import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-safety";
import { setTools } from "@/lib/programmes/safety/set-tools";

export const PUT = route(ops.setClientTools, ({ db, actor, input }) =>
  setTools(db, actor, input.params.clientId, input.body),
);
