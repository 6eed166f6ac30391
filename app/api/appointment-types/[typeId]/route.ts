import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-setup";
import { updateAppointmentType } from "@/lib/scheduling/setup/update-appointment-type";

export const PATCH = route(ops.updateAppointmentType, ({ db, actor, input }) =>
  updateAppointmentType(db, actor, input.params.typeId, input.body),
);
