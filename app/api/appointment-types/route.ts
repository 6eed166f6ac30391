import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-setup";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";

export const GET = route(ops.listAppointmentTypes, ({ db, actor }) => listAppointmentTypes(db, actor));
export const POST = route(ops.createAppointmentType, ({ db, actor, input }) =>
  createAppointmentType(db, actor, input.body),
);
