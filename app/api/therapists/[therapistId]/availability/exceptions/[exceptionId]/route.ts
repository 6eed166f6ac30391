import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-availability";
import { deleteException } from "@/lib/availability/availability";

export const DELETE = route(ops.deleteAvailabilityException, ({ db, actor, input }) =>
  deleteException(db, actor, input.params.therapistId, input.params.exceptionId),
);
