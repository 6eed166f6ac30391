import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { cancelSeriesFrom } from "@/lib/scheduling/appointments/series-manage";

export const POST = route(ops.cancelSeries, ({ db, actor, input }) =>
  cancelSeriesFrom(db, actor, input.params.seriesId, input.body),
);
