import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
// Types only: portal-schemas reaches the reference seed through lib/programmes/dosage, which
// must stay out of the browser bundle.
import type { CompletionBody, CompletionDto, PortalProgrammeView } from "@/lib/programmes/portal-schemas";

export type { CompletionBody, CompletionDto, PortalProgrammeView };

/** Under ["portal"], so anything that refreshes the client's own data refreshes this too. */
export const portalProgrammeKeys = {
  programme: ["portal", "programme"] as const,
};

/** The client's programme for today, with this week's adherence. */
export function myProgrammeQuery() {
  return queryOptions({
    queryKey: portalProgrammeKeys.programme,
    queryFn: ({ signal }) => call(ops.getPortalProgramme, { signal }),
    // A phone left on the portal overnight should show the new day's list when picked up again.
    refetchOnWindowFocus: true,
  });
}

/** Ticks an item off. Send the same idempotencyKey on a retry: the server stores it once. */
export function completeItem(body: CompletionBody) {
  return call(ops.addProgrammeCompletion, { body });
}

/**
 * Puts a tick-off's new count into the cached view straight away (the home card and the item
 * page both read it), then refetches for this week's adherence.
 */
export function applyCompletion(qc: QueryClient, done: CompletionDto) {
  qc.setQueryData<PortalProgrammeView>(portalProgrammeKeys.programme, (view) =>
    view
      ? {
          ...view,
          programmes: view.programmes.map((p) => ({
            ...p,
            items: p.items.map((i) =>
              i.itemId === done.itemId
                ? { ...i, doneToday: done.doneToday, pausedForReview: i.pausedForReview || done.adverse }
                : i,
            ),
          })),
        }
      : view,
  );
  return qc.invalidateQueries({ queryKey: portalProgrammeKeys.programme });
}

/**
 * A fresh key for one tick-off. crypto.randomUUID exists only in secure contexts (https or
 * localhost); a phone opening the portal over plain http on a clinic network still gets a
 * random key from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
