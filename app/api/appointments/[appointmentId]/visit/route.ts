import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-calendar";
import { openVisitFromAppointment } from "@/lib/scheduling/appointments/open-visit";

export const POST = route(ops.openAppointmentVisit, ({ db, actor, input }) =>
  openVisitFromAppointment(db, actor, input.params.appointmentId),
);
