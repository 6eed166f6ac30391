import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { getSeries } from "@/lib/scheduling/appointments/get-series";

export const GET = route(ops.getSeries, ({ db, actor, input }) => getSeries(db, actor, input.params.seriesId));
