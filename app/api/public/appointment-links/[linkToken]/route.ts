import { route } from "@/lib/http/route";
import * as ops from "@/lib/messaging/operations";
import { getManagedAppointment } from "@/lib/messaging/manage-appointment";

export const GET = route(ops.getAppointmentByLink, ({ db, input }) =>
  getManagedAppointment(db, input.params.linkToken),
);
