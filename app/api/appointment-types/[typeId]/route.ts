import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-setup";
import { updateAppointmentType } from "@/lib/clinic-setup/rooms-and-types";

export const PATCH = route(ops.updateAppointmentType, ({ db, actor, input }) =>
  updateAppointmentType(db, actor, input.params.typeId, input.body),
);
