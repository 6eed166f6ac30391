import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-booking";
import { myAppointmentIcs } from "@/lib/booking/my-appointments";
import { icsResponse } from "@/lib/calendar-feed/ics";

export const GET = route(ops.myAppointmentIcs, async ({ db, actor, input }) => {
  const { filename, body } = await myAppointmentIcs(db, actor, input.params.myAppointmentId);
  return icsResponse(body, filename, "attachment");
});
