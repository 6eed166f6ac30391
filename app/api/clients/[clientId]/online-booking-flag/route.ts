import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { clearOnlineBookingFlag } from "@/lib/scheduling/attendance/clear-online-booking-flag";
import { setOnlineBookingFlag } from "@/lib/scheduling/attendance/set-online-booking-flag";

export const PUT = route(ops.setOnlineBookingFlag, ({ db, actor, input }) =>
  setOnlineBookingFlag(db, actor, input.params.clientId, input.body),
);
export const DELETE = route(ops.clearOnlineBookingFlag, ({ db, actor, input }) =>
  clearOnlineBookingFlag(db, actor, input.params.clientId),
);
