"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { clientVisitsQuery, visitKeys } from "@/app/_lib/queries/visits";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Badge, EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";

const STATUS = { draft: ["warning", "Draft"], signed: ["success", "Signed"], amended: ["info", "Amended"] } as const;

/**
 * The client's visits, newest first, and the button that opens today's. The latest 20 are listed with
 * the total; "Show earlier visits" fetches the next 20 after the last one shown (issue 16).
 */
export function VisitsCard({
  clientId,
  canWrite,
  archived,
}: {
  clientId: string;
  canWrite: boolean;
  archived: boolean;
}) {
  const router = useRouter();
  const qc = useQueryClient();
  const list = useInfiniteQuery(clientVisitsQuery(clientId));
  const items = list.data?.pages.flatMap((p) => p.items);
  const first = list.data?.pages[0];
  const open = useMutation({
    mutationFn: () => call(ops.createVisit, { params: { clientId }, body: {} }),
    onSuccess: ({ id }) => {
      void qc.invalidateQueries({ queryKey: visitKeys.ofClient(clientId) });
      router.push(`/visits/${id}`);
    },
  });
  const f = useClinicFormat();
  return (
    <Card
      title="Visits"
      actions={
        canWrite && !archived ? (
          <Button onClick={() => open.mutate()} busy={open.isPending || open.isSuccess}>
            Open a visit
          </Button>
        ) : null
      }
    >
      {open.error ? (
        <div className="mb-3">
          <Notice tone="danger">{open.error.message}</Notice>
        </div>
      ) : null}
      {list.isPending ? <ListSkeleton rows={3} label="Loading visits" /> : null}
      {list.isError && !list.isFetchNextPageError ? (
        <Notice tone="danger">
          The visits did not load.{" "}
          <button type="button" className="underline" onClick={() => list.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {items?.length === 0 ? (
        <EmptyState title="No visits yet">Open a visit to chart trigger points and write the SOAP note.</EmptyState>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="divide-y divide-line" aria-label="Visits, newest first">
          {items.map((v) => {
            const [tone, text] = STATUS[v.status];
            return (
              <li key={v.id}>
                <Link
                  href={`/visits/${v.id}`}
                  className="flex min-h-12 flex-wrap items-center gap-3 py-2 hover:bg-stone-50"
                >
                  <span className="tabular font-medium text-accent-700">{f.at(v.startedAt, "dateTime")}</span>
                  <Badge tone={tone}>{text}</Badge>
                  <span className="text-sm text-muted">{v.therapistName}</span>
                  <span className="tabular ml-auto text-sm text-muted">
                    {v.findingCount} finding{v.findingCount === 1 ? "" : "s"}
                    {v.activeCount ? `, ${v.activeCount} active` : ""}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
      {items && first && first.count > first.items.length ? (
        <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
          <span data-testid="visits-shown">
            {items.length < first.count
              ? `Showing the latest ${items.length} of ${first.count} visits.`
              : `Showing all ${first.count} visits.`}
          </span>
          {list.hasNextPage ? (
            <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              Show earlier visits
            </Button>
          ) : null}
        </div>
      ) : null}
      {list.isFetchNextPageError ? (
        <div className="mt-2">
          <Notice tone="danger">The earlier visits did not load. Try Show earlier visits again.</Notice>
        </div>
      ) : null}
    </Card>
  );
}
