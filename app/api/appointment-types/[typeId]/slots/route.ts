import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-availability";
import { findFreeSlots } from "@/lib/scheduling/availability/find-free-slots";

export const GET = route(ops.findSlots, ({ db, actor, input }) =>
  findFreeSlots(db, actor, input.params.typeId, input.query),
);
