import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-packages";
import { updatePackagePlan } from "@/lib/billing/package-plans/update-package-plan";

export const PATCH = route(ops.updatePackagePlan, ({ db, actor, input }) =>
  updatePackagePlan(db, actor, input.params.planId, input.body),
);
