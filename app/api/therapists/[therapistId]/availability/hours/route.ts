import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-availability";
import { setWeeklyHours } from "@/lib/scheduling/availability/set-weekly-hours";

export const PUT = route(ops.setWeeklyHours, ({ db, actor, input }) =>
  setWeeklyHours(db, actor, input.params.therapistId, input.body),
);
