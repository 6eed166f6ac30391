import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-calendar";
import { cancelAppointment } from "@/lib/appointments/appointment-status";

export const POST = route(ops.cancelAppointment, ({ db, actor, input }) =>
  cancelAppointment(db, actor, input.params.appointmentId, input.body),
);
