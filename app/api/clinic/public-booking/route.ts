import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-public-booking";
import { getPublicBookingSettings } from "@/lib/scheduling/public-booking/get-public-booking-settings";
import { updatePublicBookingSettings } from "@/lib/scheduling/public-booking/update-public-booking-settings";

export const GET = route(ops.getPublicBookingSettings, ({ db, actor }) => getPublicBookingSettings(db, actor));
export const PUT = route(ops.updatePublicBookingSettings, ({ db, actor, input }) =>
  updatePublicBookingSettings(db, actor, input.body),
);
