import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { call, ops, type QueryOf } from "@/app/_lib/api-client";

export const clientKeys = {
  all: ["clients"] as const,
  /** Every page of the directory: archiving or renaming someone changes them all. */
  lists: ["clients", "list"] as const,
  list: (q: string, status: ClientStatusFilter, offset: number) => ["clients", "list", { q, status, offset }] as const,
  detail: (id: string) => ["clients", "detail", id] as const,
  // Under ["clients", clientId] like the client's visit list, so invalidating the client
  // (e.g. after signing a visit) refreshes its chart history and check-ins too.
  chartHistory: (clientId: string, visits: number) => ["clients", clientId, "chart-history", visits] as const,
  checkIns: (clientId: string) => ["clients", clientId, "check-ins"] as const,
  latestFreshCheckIn: (clientId: string) => ["clients", clientId, "check-ins", "latest-fresh"] as const,
};

export const PAGE_SIZE = 25;

export type ClientStatusFilter = NonNullable<QueryOf<typeof ops.listClients>["status"]>;

export function clientListQuery(q: string, status: ClientStatusFilter, offset = 0) {
  const query = { status, limit: String(PAGE_SIZE), offset: String(offset), q: q || undefined };
  return queryOptions({
    queryKey: clientKeys.list(q, status, offset),
    queryFn: ({ signal }) => call(ops.listClients, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function clientDetailQuery(id: string) {
  return queryOptions({
    queryKey: clientKeys.detail(id),
    queryFn: ({ signal }) => call(ops.getClient, { params: { clientId: id }, signal }),
  });
}
