import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-public-booking";
import { getPublicBookingOptions } from "@/lib/public-booking/public-options";

export const GET = route(ops.getPublicBookingOptions, ({ db, input }) =>
  getPublicBookingOptions(db, input.params.clinicSlug),
);
