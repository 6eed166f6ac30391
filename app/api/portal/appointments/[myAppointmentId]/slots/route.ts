import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-booking";
import { listRescheduleSlots } from "@/lib/booking/reschedule";

export const GET = route(ops.listRescheduleSlots, ({ db, actor, input }) =>
  listRescheduleSlots(db, actor, input.params.myAppointmentId, input.query),
);
