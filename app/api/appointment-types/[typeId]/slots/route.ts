import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-availability";
import { findFreeSlots } from "@/lib/availability/availability";

export const GET = route(ops.findSlots, ({ db, actor, input }) =>
  findFreeSlots(db, actor, input.params.typeId, input.query),
);
