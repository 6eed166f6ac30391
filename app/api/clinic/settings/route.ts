import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-setup";
import { getClinicSettings, updateClinicSettings } from "@/lib/clinic-setup/clinic-settings";

export const GET = route(ops.getClinicSettings, ({ db, actor }) => getClinicSettings(db, actor));
export const PUT = route(ops.updateClinicSettings, ({ db, actor, input }) =>
  updateClinicSettings(db, actor, input.body),
);
