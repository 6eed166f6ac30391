import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { call, ops } from "@/app/_lib/api-client";
import { useClinicFormat } from "@/app/_components/clinic-format";
// Types only: a runtime import of lib/outcomes/pain would pull the whole reference seed (via the NPRS
// instrument) into the browser bundle.
import type { VisitPain } from "@/lib/outcomes/pain/visit-pain";

export type { VisitPain };

export const painKeys = {
  /** Everything that depends on a client's scores: complaints, progress. */
  client: (clientId: string) => ["clients", clientId, "pain"] as const,
  complaints: (clientId: string) => ["clients", clientId, "pain", "complaints"] as const,
  progress: (clientId: string) => ["clients", clientId, "pain", "progress"] as const,
  /** The progress page's windows, newest first ("Show earlier" adds the one before). */
  progressPages: (clientId: string) => ["clients", clientId, "pain", "progress", "pages"] as const,
  visit: (visitId: string) => ["visits", visitId, "pain"] as const,
  attention: ["attention"] as const,
};

/**
 * After a complaint or score changes: the client's lists, every visit's pain card (a new open
 * complaint appears on them) and the dashboard's attention list.
 */
export function invalidatePain(qc: QueryClient, clientId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: painKeys.client(clientId) }),
    qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === "visits" && q.queryKey[2] === "pain" }),
    qc.invalidateQueries({ queryKey: painKeys.attention }),
  ]);
}

export function complaintsQuery(clientId: string) {
  return queryOptions({
    queryKey: painKeys.complaints(clientId),
    queryFn: ({ signal }) => call(ops.listComplaints, { params: { clientId }, signal }),
  });
}

export function visitPainQuery(visitId: string) {
  return queryOptions({
    queryKey: painKeys.visit(visitId),
    queryFn: ({ signal }) => call(ops.getVisitPain, { params: { visitId }, signal }),
  });
}

export function progressQuery(clientId: string) {
  return queryOptions({
    queryKey: painKeys.progress(clientId),
    queryFn: ({ signal }) => call(ops.getProgress, { params: { clientId }, signal }),
  });
}

/** The progress page: the latest window of weeks, then each earlier one the user asks for (issue 16). */
export function progressPagesQuery(clientId: string) {
  return infiniteQueryOptions({
    queryKey: painKeys.progressPages(clientId),
    queryFn: ({ pageParam, signal }) =>
      call(ops.getProgress, { params: { clientId }, query: pageParam ? { before: pageParam } : {}, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.window.earlier,
  });
}

export type FormatDay = (day: string, style?: "long" | "short") => string;

/**
 * A clinic-local calendar day (YYYY-MM-DD) in the clinic's words: "6 December 2026" / "6 Dec"
 * for an en-GB clinic, "December 6, 2026" / "Dec 6" for en-US.
 */
export function useFormatDay(): FormatDay {
  const f = useClinicFormat();
  return useCallback((day, style = "long") => f.day(day, style === "long" ? "dateLong" : "dayMonth"), [f]);
}
