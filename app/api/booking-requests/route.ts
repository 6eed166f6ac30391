import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-public-booking";
import { listBookingRequests } from "@/lib/public-booking/requests";

export const GET = route(ops.listBookingRequests, ({ db, actor }) => listBookingRequests(db, actor));
