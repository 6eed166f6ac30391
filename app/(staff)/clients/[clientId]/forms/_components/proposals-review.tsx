"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, ops, type BodyOf } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { Button } from "@/app/_components/ui/button";
import type { ProposalDto } from "@/lib/forms/schemas";

/**
 * Answers from signed forms that would change the record, each beside what the record holds.
 * Nothing reaches the record until the therapist accepts (or edits) it — precautions included.
 */
export function ProposalsReview({
  clientId,
  initial,
  canWrite,
  precautionLabels,
}: {
  clientId: string;
  initial: ProposalDto[];
  canWrite: boolean;
  precautionLabels: Record<string, string>;
}) {
  const qc = useQueryClient();
  const key = ["form-proposals", clientId];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => call(ops.listFormProposals, { params: { clientId } }).then((r) => r.proposals),
    initialData: initial,
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const decide = useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof ops.decideFormProposal> }) =>
      call(ops.decideFormProposal, { params: { clientId, proposalId: id }, body }),
    onSuccess: (r) => {
      qc.setQueryData(key, r.proposals);
      setEditing(null);
      // The precautions badges and the safety card read the record again.
      return qc.invalidateQueries();
    },
  });
  const pending = data.filter((p) => p.status === "pending");
  const show = (v: unknown) =>
    Array.isArray(v)
      ? v.length
        ? v.map((id) => precautionLabels[id] ?? id).join("; ")
        : "None recorded"
      : v
        ? String(v)
        : "—";
  if (!pending.length) return null;
  return (
    <Card title="Changes proposed by signed forms">
      <p className="mb-3 text-sm text-muted">Review each one: the record changes only when you accept it.</p>
      <ul className="space-y-3">
        {pending.map((p) => (
          <li key={p.id} className="rounded-md border border-line p-3" data-testid={`proposal-${p.target}`}>
            <p className="font-medium">{p.label}</p>
            <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-muted">On the record now</dt>
                <dd>{show(p.current)}</dd>
              </div>
              <div>
                <dt className="text-muted">
                  {p.target === "precautions" ? "Declared on the form (to add)" : "On the form"}
                </dt>
                <dd className="font-medium">{show(p.proposed)}</dd>
              </div>
            </dl>
            {canWrite ? (
              editing === p.id && p.target !== "precautions" ? (
                <form
                  className="mt-3 flex flex-wrap items-end gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    decide.mutate({ id: p.id, body: { action: "edit", value: draft } });
                  }}
                >
                  <label className="text-sm">
                    <span className="mb-1 block font-medium">{p.label} to record</span>
                    <input
                      className="min-h-11 rounded-md border border-stone-300 px-3"
                      value={draft}
                      onChange={(e) => setDraft(e.target.value)}
                    />
                  </label>
                  <Button type="submit" busy={decide.isPending}>
                    Save
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </form>
              ) : (
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button
                    busy={decide.isPending && decide.variables?.id === p.id}
                    onClick={() => decide.mutate({ id: p.id, body: { action: "accept" } })}
                  >
                    Accept {p.label.toLowerCase()}
                  </Button>
                  {p.target !== "precautions" ? (
                    <Button variant="secondary" onClick={() => (setEditing(p.id), setDraft(String(p.proposed ?? "")))}>
                      Edit
                    </Button>
                  ) : null}
                  <Button variant="ghost" onClick={() => decide.mutate({ id: p.id, body: { action: "dismiss" } })}>
                    Dismiss
                  </Button>
                </div>
              )
            ) : (
              <Badge tone="warning">Waiting for a therapist</Badge>
            )}
          </li>
        ))}
      </ul>
      {decide.isError ? <Notice tone="danger">{decide.error.message}</Notice> : null}
    </Card>
  );
}
