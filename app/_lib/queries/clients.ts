import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import type { ClientDetail, ClientSummary } from "@/lib/clients/schemas";

export const clientKeys = {
  all: ["clients"] as const,
  list: (q: string, status: string, offset: number) => ["clients", "list", { q, status, offset }] as const,
  detail: (id: string) => ["clients", "detail", id] as const,
};

export const PAGE_SIZE = 25;

export function clientListQuery(q: string, status: string, offset = 0) {
  const params = new URLSearchParams({ status, limit: String(PAGE_SIZE), offset: String(offset) });
  if (q) params.set("q", q);
  return queryOptions({
    queryKey: clientKeys.list(q, status, offset),
    queryFn: ({ signal }) => api<{ items: ClientSummary[]; total: number }>(`/api/clients?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function clientDetailQuery(id: string) {
  return queryOptions({
    queryKey: clientKeys.detail(id),
    queryFn: ({ signal }) => api<ClientDetail>(`/api/clients/${id}`, { signal }),
  });
}
