import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-packages";
import { createPackagePlan } from "@/lib/billing/package-plans/create-package-plan";
import { listPackagePlans } from "@/lib/billing/package-plans/list-package-plans";

export const GET = route(ops.listPackagePlans, ({ db, actor }) => listPackagePlans(db, actor));
export const POST = route(ops.createPackagePlan, ({ db, actor, input }) => createPackagePlan(db, actor, input.body));
