"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { WaitlistEntryDto } from "@/lib/scheduling/waitlist/schemas";
import { call, ops } from "@/app/_lib/api-client";
import { waitlistKeys, waitlistQuery, type WaitlistStatusFilter } from "@/app/_lib/queries/waitlist";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { Badge, EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { describePreferences, EntryForm, type Option } from "./entry-form";

const FILTERS = [
  { value: "open", label: "Open" },
  { value: "waiting", label: "Waiting" },
  { value: "offered", label: "Offered" },
  { value: "booked", label: "Booked" },
  { value: "removed", label: "Removed" },
  { value: "all", label: "All" },
] as const;
const STATUS_TONE = { waiting: "info", offered: "warning", booked: "success", removed: "neutral" } as const;
const STATUS_LABEL = { waiting: "Waiting", offered: "Offered", booked: "Booked", removed: "Removed" } as const;

function EntryRow({ e, types, therapists }: { e: WaitlistEntryDto; types: Option[]; therapists: Option[] }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const done = () => qc.invalidateQueries({ queryKey: waitlistKeys.all });
  const setStatus = useMutation({
    mutationFn: (status: "waiting") => call(ops.updateWaitlistEntry, { params: { entryId: e.id }, body: { status } }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => call(ops.removeWaitlistEntry, { params: { entryId: e.id } }),
    onSuccess: done,
  });
  const since = useClinicFormat().at(e.createdAt, "dayMonth");
  const open = e.status === "waiting" || e.status === "offered";
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="flex flex-wrap items-center gap-2 font-medium text-ink">
            <Link href={`/clients/${e.clientId}`} className="text-accent-700 underline-offset-2 hover:underline">
              {e.clientName}
            </Link>
            <Badge tone={STATUS_TONE[e.status]}>{STATUS_LABEL[e.status]}</Badge>
            <span className="text-sm font-normal text-muted">since {since}</span>
          </p>
          <p className="text-sm text-muted">{describePreferences(e)}</p>
          {e.note ? <p className="text-sm text-ink">{e.note}</p> : null}
        </div>
        {open ? (
          <div className="flex flex-wrap gap-1">
            {e.status === "offered" ? (
              <Button variant="ghost" busy={setStatus.isPending} onClick={() => setStatus.mutate("waiting")}>
                Back to waiting
              </Button>
            ) : null}
            <Button
              variant="ghost"
              aria-expanded={editing}
              onClick={() => setEditing(!editing)}
              aria-label={`Edit ${e.clientName}'s entry`}
            >
              Edit
            </Button>
            <Confirm
              trigger={
                <Button variant="ghost" aria-label={`Remove ${e.clientName} from the waitlist`}>
                  Remove
                </Button>
              }
              title={`Remove ${e.clientName} from the waitlist?`}
              description="They will no longer be suggested for freed slots. The entry is kept under “Removed”."
              confirmLabel="Remove"
              danger
              onConfirm={() => remove.mutate()}
            />
          </div>
        ) : null}
      </div>
      {setStatus.error || remove.error ? (
        <div className="mt-2">
          <Notice tone="danger">{(setStatus.error ?? remove.error)!.message}</Notice>
        </div>
      ) : null}
      {editing ? (
        <div className="mt-3 rounded-md border border-line p-3">
          <EntryForm entry={e} types={types} therapists={therapists} onDone={() => setEditing(false)} />
        </div>
      ) : null}
    </li>
  );
}

export function WaitlistList({ types, therapists }: { types: Option[]; therapists: Option[] }) {
  const [status, setStatus] = useState<WaitlistStatusFilter>("open");
  const list = useQuery(waitlistQuery(status));
  return (
    <Card title="Waiting clients">
      <div role="group" aria-label="Show entries" className="mb-3 flex flex-wrap gap-1">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            aria-pressed={status === f.value}
            onClick={() => setStatus(f.value)}
            className={`min-h-11 rounded-md border px-3 text-sm ${status === f.value ? "border-accent-600 bg-accent-50 text-accent-800" : "border-line bg-white text-muted"}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      {list.isPending ? <ListSkeleton rows={3} label="Loading the waitlist" /> : null}
      {list.isError ? (
        <Notice tone="danger">
          The waitlist did not load.{" "}
          <button type="button" className="underline" onClick={() => list.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {list.data?.length === 0 ? (
        <EmptyState title={status === "open" ? "Nobody is waiting" : "No entries with this status"}>
          Add a client who would like an earlier appointment; when a slot frees up that fits, they are suggested for it.
        </EmptyState>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <ul className="divide-y divide-line" aria-label="Waitlist entries">
          {list.data.map((e) => (
            <EntryRow key={e.id} e={e} types={types} therapists={therapists} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
