import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-calendar";
import { setAppointmentStatus } from "@/lib/scheduling/appointments/set-appointment-status";

export const POST = route(ops.setAppointmentStatus, ({ db, actor, input }) =>
  setAppointmentStatus(db, actor, input.params.appointmentId, input.body),
);
