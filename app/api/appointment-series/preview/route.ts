import { route } from "@/lib/http/route";
import * as ops from "@/lib/scheduling/operations-series";
import { previewSeries } from "@/lib/scheduling/appointments/series-preview";

export const POST = route(ops.previewSeries, ({ db, actor, input }) => previewSeries(db, actor, input.body));
