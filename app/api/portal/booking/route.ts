import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-booking";
import { getBookingOptions } from "@/lib/booking/online-booking";

export const GET = route(ops.getBookingOptions, ({ db, actor }) => getBookingOptions(db, actor));
