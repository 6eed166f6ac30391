import { queryOptions } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { clientKeys } from "@/app/_lib/queries/clients";

/** How many recent visits the history page covers (the API allows up to 50). */
export const HISTORY_VISITS = 10;

export function chartHistoryQuery(clientId: string, visits = HISTORY_VISITS) {
  return queryOptions({
    queryKey: clientKeys.chartHistory(clientId, visits),
    queryFn: ({ signal }) => call(ops.getChartHistory, { params: { clientId }, query: { visits }, signal }),
  });
}
