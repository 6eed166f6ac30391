import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { createSeries } from "@/lib/scheduling/appointments/series";

export const POST = route(ops.createSeries, ({ db, actor, input }) => createSeries(db, actor, input.body));
