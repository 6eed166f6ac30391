"use client";
import { useQuery } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import type { CheckInDto } from "@/lib/outcomes/questionnaires/schemas";
import { clientKeys } from "@/app/_lib/queries/clients";

/** How old a weekly check-in may be and still describe "this week's" pain. */
const FRESH_DAYS = 14;

/** The client's most recent body-map check-in, if recent enough to guide today's palpation. */
export function useLatestCheckIn(clientId: string): CheckInDto | null {
  const { data } = useQuery({
    queryKey: clientKeys.latestFreshCheckIn(clientId),
    queryFn: async ({ signal }) => {
      const [latest] = await call(ops.listClientCheckIns, { params: { clientId }, signal });
      if (!latest) return null;
      const ageDays = (Date.now() - new Date(`${latest.weekStart}T00:00:00Z`).getTime()) / 86_400_000;
      return ageDays <= FRESH_DAYS ? latest : null;
    },
  });
  return data ?? null;
}
