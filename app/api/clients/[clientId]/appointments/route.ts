import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-series";
import { getClientAppointments } from "@/lib/attendance/client-attendance";

export const GET = route(ops.getClientAppointments, ({ db, actor, input }) =>
  getClientAppointments(db, actor, input.params.clientId),
);
