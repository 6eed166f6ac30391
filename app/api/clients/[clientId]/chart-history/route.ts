import { route } from "@/lib/http/route";
import * as ops from "@/lib/clinical/operations";
import { getChartHistory } from "@/lib/clinical/chart-history";

export const GET = route(ops.getChartHistory, ({ db, actor, input }) =>
  getChartHistory(db, actor, input.params.clientId, input.query.visits),
);
