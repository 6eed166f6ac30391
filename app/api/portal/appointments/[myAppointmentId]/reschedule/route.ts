import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { rescheduleMyAppointment } from "@/lib/scheduling/portal-booking/reschedule-my-appointment";

export const POST = route(ops.rescheduleMyAppointment, ({ db, actor, input }) =>
  rescheduleMyAppointment(db, actor, input.params.myAppointmentId, input.body),
);
