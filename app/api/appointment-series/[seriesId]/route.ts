import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-series";
import { getSeries } from "@/lib/appointments/series-manage";

export const GET = route(ops.getSeries, ({ db, actor, input }) => getSeries(db, actor, input.params.seriesId));
