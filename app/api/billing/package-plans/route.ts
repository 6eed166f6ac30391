import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-packages";
import { createPackagePlan, listPackagePlans } from "@/lib/billing/package-plans";

export const GET = route(ops.listPackagePlans, ({ db, actor }) => listPackagePlans(db, actor));
export const POST = route(ops.createPackagePlan, ({ db, actor, input }) => createPackagePlan(db, actor, input.body));
