import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { unpaidAgeing } from "@/lib/billing/ageing";

export const GET = route(ops.ageingReport, ({ db, actor, input }) => unpaidAgeing(db, actor, input.query));
