import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-setup";
import { createAppointmentType, listAppointmentTypes } from "@/lib/scheduling/setup/rooms-and-types";

export const GET = route(ops.listAppointmentTypes, ({ db, actor }) => listAppointmentTypes(db, actor));
export const POST = route(ops.createAppointmentType, ({ db, actor, input }) =>
  createAppointmentType(db, actor, input.body),
);
