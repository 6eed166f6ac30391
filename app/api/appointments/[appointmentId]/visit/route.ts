import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-calendar";
import { openVisitFromAppointment } from "@/lib/appointments/open-visit";

export const POST = route(ops.openAppointmentVisit, ({ db, actor, input }) =>
  openVisitFromAppointment(db, actor, input.params.appointmentId),
);
