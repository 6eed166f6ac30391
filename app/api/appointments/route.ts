import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-calendar";
import { listAppointments } from "@/lib/scheduling/appointments/list-appointments";
import { createAppointment } from "@/lib/scheduling/appointments/create-appointment";

export const GET = route(ops.listAppointments, ({ db, actor, input }) => listAppointments(db, actor, input.query));
export const POST = route(ops.createAppointment, ({ db, actor, input }) => createAppointment(db, actor, input.body));
