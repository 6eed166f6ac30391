"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ComplaintDto, ComplaintProgress } from "@/lib/outcomes/pain/schemas";
import { TEMPLATE_REGIONS } from "@/lib/clinical/rules/template-regions";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { complaintsQuery, invalidatePain, progressQuery, useFormatDay } from "@/app/_lib/queries/pain";
import { usualPain } from "@/app/_lib/pain-series";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Badge, EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { ComplaintForm } from "./complaint-form";
import { PainSparkline } from "./pain-sparkline";

const REGION_NAMES = new Map(TEMPLATE_REGIONS.map(([id, , , , name]) => [id, name]));

/** The client's complaints (open first), each with its pain trend; add, resolve and reopen. */
export function ComplaintsCard({
  clientId,
  canWrite,
  archived,
}: {
  clientId: string;
  canWrite: boolean;
  archived: boolean;
}) {
  const qc = useQueryClient();
  const list = useQuery(complaintsQuery(clientId));
  // Only for the trend beside each complaint; the list above does not wait for it.
  const progress = useQuery({ ...progressQuery(clientId), enabled: Boolean(list.data?.length) });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const setStatus = useMutation({
    mutationFn: (c: ComplaintDto) =>
      call(ops.updateComplaint, {
        params: { complaintId: c.id },
        body: { status: c.status === "open" ? "resolved" : "open", version: c.version },
      }),
    onSuccess: () => invalidatePain(qc, clientId),
  });
  const stale = setStatus.error instanceof ApiError && setStatus.error.status === 409;
  const editable = canWrite && !archived;
  const byId = new Map((progress.data?.complaints ?? []).map((c) => [c.id, c]));
  const open = list.data?.filter((c) => c.status === "open") ?? [];
  const resolved = list.data?.filter((c) => c.status === "resolved") ?? [];

  return (
    <Card
      title="Complaints"
      actions={
        editable && !adding ? (
          <Button
            variant="secondary"
            onClick={() => {
              setAdding(true);
              setAdded(null);
            }}
          >
            Add complaint
          </Button>
        ) : null
      }
    >
      <div className="space-y-4">
        {added ? <Notice tone="success">Complaint “{added}” added. Score it at the next visit.</Notice> : null}
        {setStatus.error ? (
          <Notice tone="danger" title="Not saved">
            {setStatus.error.message}{" "}
            {stale ? (
              <button
                type="button"
                className="underline"
                onClick={() => {
                  setStatus.reset();
                  void invalidatePain(qc, clientId);
                }}
              >
                Load the latest
              </button>
            ) : null}
          </Notice>
        ) : null}
        {adding ? (
          <ComplaintForm
            clientId={clientId}
            onDone={(c) => {
              setAdding(false);
              setAdded(c?.title ?? null);
            }}
          />
        ) : null}
        {list.isPending ? <ListSkeleton rows={2} label="Loading complaints" /> : null}
        {list.isError ? (
          <Notice tone="danger">
            The complaints did not load.{" "}
            <button type="button" className="underline" onClick={() => list.refetch()}>
              Try again
            </button>
          </Notice>
        ) : null}
        {list.data?.length === 0 && !adding ? (
          <EmptyState title="No complaints recorded">
            Add what brought the client in, so pain can be scored before and after treatment at each visit.
          </EmptyState>
        ) : null}
        {open.length > 0 ? (
          <ul className="divide-y divide-line" aria-label="Open complaints">
            {open.map((c) => (
              <ComplaintRow
                key={c.id}
                c={c}
                p={byId.get(c.id)}
                editable={editable}
                busy={setStatus.isPending && setStatus.variables?.id === c.id}
                onToggle={() => setStatus.mutate(c)}
              />
            ))}
          </ul>
        ) : null}
        {resolved.length > 0 ? (
          <div>
            <h3 className="mb-1 text-sm font-semibold text-muted">Resolved</h3>
            <ul className="divide-y divide-line" aria-label="Resolved complaints">
              {resolved.map((c) => (
                <ComplaintRow
                  key={c.id}
                  c={c}
                  p={byId.get(c.id)}
                  editable={editable}
                  busy={setStatus.isPending && setStatus.variables?.id === c.id}
                  onToggle={() => setStatus.mutate(c)}
                />
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function ComplaintRow({
  c,
  p,
  editable,
  busy,
  onToggle,
}: {
  c: ComplaintDto;
  p?: ComplaintProgress;
  editable: boolean;
  busy: boolean;
  onToggle: () => void;
}) {
  const formatDay = useFormatDay();
  const where = c.regions.map((r) => REGION_NAMES.get(r) ?? r).join(", ");
  const details = [c.onsetDate ? `Since ${formatDay(c.onsetDate)}` : null, where || null].filter(Boolean).join(" · ");
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">
          {c.title}{" "}
          {c.status === "resolved" ? <Badge>Resolved{c.resolvedOn ? ` ${formatDay(c.resolvedOn)}` : ""}</Badge> : null}
          {p?.mcidReached ? <Badge tone="success">✓ Reached: {p.mcidExplanation}</Badge> : null}
        </p>
        {details ? <p className="text-sm text-muted">{details}</p> : null}
      </div>
      {/* Fixed width so the trends line up from row to row. */}
      <div className="flex items-center justify-end gap-3 whitespace-nowrap text-sm sm:w-72">
        {p?.latest && p.baseline ? (
          <>
            <PainSparkline points={usualPain(p)} />
            <span className="tabular">
              Now <strong className="text-ink">{p.latest.score}</strong>/10
              <span className="text-muted">, baseline {p.baseline.score}</span>
            </span>
          </>
        ) : p ? (
          <span className="text-muted">No scores yet</span>
        ) : null}
      </div>
      {editable ? (
        <Button
          variant="secondary"
          className="min-w-24"
          onClick={onToggle}
          busy={busy}
          aria-label={`${c.status === "open" ? "Resolve" : "Reopen"} ${c.title}`}
        >
          {c.status === "open" ? "Resolve" : "Reopen"}
        </Button>
      ) : null}
    </li>
  );
}
