import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-calendar";
import { getAppointment } from "@/lib/scheduling/appointments/get-appointment";
import { moveAppointment } from "@/lib/scheduling/appointments/move-appointment";

export const GET = route(ops.getAppointment, ({ db, actor, input }) =>
  getAppointment(db, actor, input.params.appointmentId),
);
export const PATCH = route(ops.moveAppointment, ({ db, actor, input }) =>
  moveAppointment(db, actor, input.params.appointmentId, input.body),
);
