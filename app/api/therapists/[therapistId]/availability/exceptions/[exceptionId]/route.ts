import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-availability";
import { deleteException } from "@/lib/scheduling/availability/delete-exception";

export const DELETE = route(ops.deleteAvailabilityException, ({ db, actor, input }) =>
  deleteException(db, actor, input.params.therapistId, input.params.exceptionId),
);
