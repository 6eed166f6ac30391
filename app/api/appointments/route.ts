import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-calendar";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { createAppointment } from "@/lib/appointments/create-appointment";

export const GET = route(ops.listAppointments, ({ db, actor, input }) => listAppointments(db, actor, input.query));
export const POST = route(ops.createAppointment, ({ db, actor, input }) => createAppointment(db, actor, input.body));
