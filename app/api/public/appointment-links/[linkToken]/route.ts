import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-messaging";
import { getManagedAppointment } from "@/lib/messaging/manage-appointment";

export const GET = route(ops.getAppointmentByLink, ({ db, input }) =>
  getManagedAppointment(db, input.params.linkToken),
);
