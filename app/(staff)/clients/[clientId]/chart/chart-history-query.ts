import { queryOptions } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";

/** How many recent visits the history page covers (the API allows up to 50). */
export const HISTORY_VISITS = 10;

// Under ["clients", clientId] like the client's visit list, so invalidating the client
// (e.g. after signing a visit) refreshes its chart history too.
export function chartHistoryQuery(clientId: string, visits = HISTORY_VISITS) {
  return queryOptions({
    queryKey: ["clients", clientId, "chart-history", visits] as const,
    queryFn: ({ signal }) => call(ops.getChartHistory, { params: { clientId }, query: { visits }, signal }),
  });
}
