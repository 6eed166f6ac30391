import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-booking";
import { rescheduleMyAppointment } from "@/lib/booking/reschedule";

export const POST = route(ops.rescheduleMyAppointment, ({ db, actor, input }) =>
  rescheduleMyAppointment(db, actor, input.params.myAppointmentId, input.body),
);
