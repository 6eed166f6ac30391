import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-safety";
import { setPrecautions } from "@/lib/programmes/safety/set-precautions";

export const PUT = route(ops.setClientPrecautions, ({ db, actor, input }) =>
  setPrecautions(db, actor, input.params.clientId, input.body),
);
