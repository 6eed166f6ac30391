import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { getBookingOptions } from "@/lib/scheduling/portal-booking/online-booking";

export const GET = route(ops.getBookingOptions, ({ db, actor }) => getBookingOptions(db, actor));
