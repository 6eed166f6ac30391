import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-availability";
import { getAvailability } from "@/lib/scheduling/availability/get-availability";

export const GET = route(ops.getAvailability, ({ db, actor, input }) =>
  getAvailability(db, actor, input.params.therapistId),
);
