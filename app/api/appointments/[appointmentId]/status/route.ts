import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-calendar";
import { setAppointmentStatus } from "@/lib/appointments/appointment-status";

export const POST = route(ops.setAppointmentStatus, ({ db, actor, input }) =>
  setAppointmentStatus(db, actor, input.params.appointmentId, input.body),
);
