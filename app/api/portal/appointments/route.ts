import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-booking";
import { bookOnline } from "@/lib/booking/online-booking";
import { listMyAppointments } from "@/lib/booking/my-appointments";

export const GET = route(ops.listMyAppointments, ({ db, actor }) => listMyAppointments(db, actor));
export const POST = route(ops.bookOnline, ({ db, actor, input }) => bookOnline(db, actor, input.body));
