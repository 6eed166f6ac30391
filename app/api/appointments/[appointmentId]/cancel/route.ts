import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-calendar";
import { cancelAppointment } from "@/lib/scheduling/appointments/cancel-appointment";

export const POST = route(ops.cancelAppointment, ({ db, actor, input }) =>
  cancelAppointment(db, actor, input.params.appointmentId, input.body),
);
