import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-messaging";
import { kickOutbox } from "@/lib/email/deliver";
import { cancelManagedAppointment } from "@/lib/messaging/manage-appointment";

export const POST = route(ops.cancelAppointmentByLink, async ({ db, input }) => {
  const result = await cancelManagedAppointment(db, input.params.linkToken);
  kickOutbox();
  return result;
});
