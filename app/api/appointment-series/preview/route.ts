import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-series";
import { previewSeries } from "@/lib/appointments/series";

export const POST = route(ops.previewSeries, ({ db, actor, input }) => previewSeries(db, actor, input.body));
