import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { cancelMyAppointment } from "@/lib/scheduling/portal-booking/cancel-my-appointment";

export const POST = route(ops.cancelMyAppointment, ({ db, actor, input }) =>
  cancelMyAppointment(db, actor, input.params.myAppointmentId),
);
