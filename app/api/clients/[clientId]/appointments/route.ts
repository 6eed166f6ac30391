import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { getClientAppointments } from "@/lib/scheduling/attendance/get-client-appointments";

export const GET = route(ops.getClientAppointments, ({ db, actor, input }) =>
  getClientAppointments(db, actor, input.params.clientId),
);
