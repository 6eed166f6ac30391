import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-public-booking";
import { getPublicBookingOptions } from "@/lib/scheduling/public-booking/public-options";

export const GET = route(ops.getPublicBookingOptions, ({ db, input }) =>
  getPublicBookingOptions(db, input.params.clinicSlug),
);
