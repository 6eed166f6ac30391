import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-public-booking";
import { decideBookingRequest } from "@/lib/scheduling/public-booking/decide-booking-request";
import { appUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/delivery/email/deliver";

export const POST = route(ops.decideBookingRequest, async ({ db, actor, input, req }) => {
  const result = await decideBookingRequest(db, actor, input.params.requestId, input.body, appUrl(req));
  kickOutbox();
  return result;
});
