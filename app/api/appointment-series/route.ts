import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-series";
import { createSeries } from "@/lib/appointments/series";

export const POST = route(ops.createSeries, ({ db, actor, input }) => createSeries(db, actor, input.body));
