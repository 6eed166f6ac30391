import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import type { MuscleDto } from "@/lib/clinical/schemas";
import type { ReferenceMuscle } from "@/lib/clinical/rules/types";

export const visitKeys = {
  detail: (id: string) => ["visits", id] as const,
  ofClient: (clientId: string) => ["clients", clientId, "visits"] as const,
  muscles: ["muscles"] as const,
};

export function visitQuery(id: string) {
  return queryOptions({
    queryKey: visitKeys.detail(id),
    queryFn: ({ signal }) => call(ops.getVisit, { params: { visitId: id }, signal }),
  });
}

/** A client's visits, newest first, a page at a time: each page starts after the last visit of the one before. */
export function clientVisitsQuery(clientId: string) {
  return infiniteQueryOptions({
    queryKey: visitKeys.ofClient(clientId),
    queryFn: ({ pageParam, signal }) =>
      call(ops.listClientVisits, { params: { clientId }, query: pageParam ? { after: pageParam } : {}, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function musclesQuery() {
  return queryOptions({
    queryKey: visitKeys.muscles,
    queryFn: ({ signal }) => call(ops.listMuscles, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The muscle library in the shape the charting rules take (reference JSON naming). */
export function toReferenceMuscles(muscles: MuscleDto[]): ReferenceMuscle[] {
  return muscles.map((m) => ({
    id: m.id,
    name: m.name,
    side_applicable: m.sideApplicable,
    trigger_points: m.triggerPoints.filter((tp) => tp.approx).map((tp) => ({ label: tp.label, approx: tp.approx! })),
    referral_zones: m.referralZones,
  }));
}
