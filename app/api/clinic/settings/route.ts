import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-setup";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { updateClinicSettings } from "@/lib/scheduling/setup/update-clinic-settings";

export const GET = route(ops.getClinicSettings, ({ db, actor }) => getClinicSettings(db, actor));
export const PUT = route(ops.updateClinicSettings, ({ db, actor, input }) =>
  updateClinicSettings(db, actor, input.body),
);
