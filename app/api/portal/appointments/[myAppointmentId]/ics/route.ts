import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { myAppointmentIcs } from "@/lib/scheduling/portal-booking/my-appointment-ics";
import { icsResponse } from "@/lib/scheduling/calendar-feed/ics";

export const GET = route(ops.myAppointmentIcs, async ({ db, actor, input }) => {
  const { filename, body } = await myAppointmentIcs(db, actor, input.params.myAppointmentId);
  return icsResponse(body, filename, "attachment");
});
