import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-series";
import { cancelSeriesFrom } from "@/lib/appointments/series-manage";

export const POST = route(ops.cancelSeries, ({ db, actor, input }) =>
  cancelSeriesFrom(db, actor, input.params.seriesId, input.body),
);
