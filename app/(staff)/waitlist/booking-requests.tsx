"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice, ListSkeleton } from "@/app/_components/ui/feedback";
import { useClinicFormat } from "@/app/_components/clinic-format";

const KEY = ["booking-requests"];

/** Requests from the public page waiting for a therapist (the clinic's "therapist accepts" setting). */
export function BookingRequests() {
  const f = useClinicFormat();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => call(ops.listBookingRequests, { signal }),
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; accept: boolean }) =>
      call(ops.decideBookingRequest, { params: { requestId: v.id }, body: { accept: v.accept } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  if (requests.isPending) return <ListSkeleton rows={2} label="Loading online requests" />;
  if (requests.isError)
    return (
      <Notice tone="danger" title="We could not load the online requests.">
        <Button type="button" variant="secondary" className="mt-2" onClick={() => void requests.refetch()}>
          Try again
        </Button>
      </Notice>
    );
  // Most clinics book without approval: the card appears only when there is something to answer.
  if (requests.data.length === 0) return null;
  return (
    <Card title="Online booking requests">
      {decide.error ? (
        <Notice tone="danger">{decide.error instanceof ApiError ? decide.error.message : "That did not work."}</Notice>
      ) : null}
      <ul className="divide-y divide-line" aria-label="Online booking requests">
        {requests.data.map((r) => (
          <li key={r.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div className="text-sm">
              <p className="font-medium text-ink">
                {r.name} · {r.typeName} with {r.therapistName}
              </p>
              <p className="tabular-nums text-muted">
                {f.at(r.startsAt, "weekdayTime")}–{f.at(r.endsAt, "time")} · {r.email} · {r.phone}
              </p>
              {r.reason ? <p className="mt-1 text-ink">“{r.reason}”</p> : null}
            </div>
            <div className="flex gap-2">
              <Button
                type="button"
                busy={decide.isPending && decide.variables?.id === r.id && decide.variables.accept}
                onClick={() => decide.mutate({ id: r.id, accept: true })}
              >
                Accept
              </Button>
              <Button type="button" variant="secondary" onClick={() => decide.mutate({ id: r.id, accept: false })}>
                Decline
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
