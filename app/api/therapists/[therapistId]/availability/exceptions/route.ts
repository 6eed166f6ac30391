import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-availability";
import { addException } from "@/lib/scheduling/availability/add-exception";

export const POST = route(ops.addAvailabilityException, ({ db, actor, input }) =>
  addException(db, actor, input.params.therapistId, input.body),
);
