import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-setup";
import { createAppointmentType, listAppointmentTypes } from "@/lib/clinic-setup/rooms-and-types";

export const GET = route(ops.listAppointmentTypes, ({ db, actor }) => listAppointmentTypes(db, actor));
export const POST = route(ops.createAppointmentType, ({ db, actor, input }) =>
  createAppointmentType(db, actor, input.body),
);
