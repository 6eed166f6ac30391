import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-visits";
import { getChartHistory } from "@/lib/visits/chart-history";

export const GET = route(ops.getChartHistory, ({ db, actor, input }) =>
  getChartHistory(db, actor, input.params.clientId, input.query.visits),
);
