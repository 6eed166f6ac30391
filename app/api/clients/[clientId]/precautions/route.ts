import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-safety";
import { setPrecautions } from "@/lib/client-safety/client-safety";

export const PUT = route(ops.setClientPrecautions, ({ db, actor, input }) =>
  setPrecautions(db, actor, input.params.clientId, input.body),
);
