import { route } from "@/lib/http/route";
import * as ops from "@/lib/messaging/operations";
import { kickOutbox } from "@/lib/delivery/email/deliver";
import { cancelManagedAppointment } from "@/lib/messaging/manage-appointment";

export const POST = route(ops.cancelAppointmentByLink, async ({ db, input }) => {
  const result = await cancelManagedAppointment(db, input.params.linkToken);
  kickOutbox();
  return result;
});
