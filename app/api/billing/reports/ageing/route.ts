import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing-reports";
import { unpaidAgeing } from "@/lib/billing/reports";

export const GET = route(ops.ageingReport, ({ db, actor }) => unpaidAgeing(db, actor));
