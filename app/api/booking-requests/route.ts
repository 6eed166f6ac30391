import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-public-booking";
import { listBookingRequests } from "@/lib/scheduling/public-booking/list-booking-requests";

export const GET = route(ops.listBookingRequests, ({ db, actor }) => listBookingRequests(db, actor));
