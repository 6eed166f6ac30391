import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/get-booking-options";

export const GET = route(ops.getBookingOptions, ({ db, actor }) => getBookingOptions(db, actor));
