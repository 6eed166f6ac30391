import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { cancelSeriesFrom } from "@/lib/scheduling/appointments/cancel-series-from";

export const POST = route(ops.cancelSeries, ({ db, actor, input }) =>
  cancelSeriesFrom(db, actor, input.params.seriesId, input.body),
);
