import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { listRescheduleSlots } from "@/lib/scheduling/portal-booking/list-reschedule-slots";

export const GET = route(ops.listRescheduleSlots, ({ db, actor, input }) =>
  listRescheduleSlots(db, actor, input.params.myAppointmentId, input.query),
);
