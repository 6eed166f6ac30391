import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-public-booking";
import { confirmHold, getConfirmation } from "@/lib/scheduling/public-booking/confirm-hold";
import { appUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/delivery/email/deliver";

export const GET = route(ops.getBookingConfirmation, ({ db, input }) => getConfirmation(db, input.params.token));

export const POST = route(ops.confirmBooking, async ({ db, input, req }) => {
  const result = await confirmHold(db, input.params.token, appUrl(req));
  kickOutbox();
  return result;
});
