import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-booking";
import { cancelMyAppointment } from "@/lib/booking/my-appointments";

export const POST = route(ops.cancelMyAppointment, ({ db, actor, input }) =>
  cancelMyAppointment(db, actor, input.params.myAppointmentId),
);
