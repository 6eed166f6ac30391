import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-portal-booking";
import { bookOnline } from "@/lib/scheduling/portal-booking/book-online";
import { listMyAppointments } from "@/lib/scheduling/portal-booking/list-my-appointments";

export const GET = route(ops.listMyAppointments, ({ db, actor }) => listMyAppointments(db, actor));
export const POST = route(ops.bookOnline, ({ db, actor, input }) => bookOnline(db, actor, input.body));
