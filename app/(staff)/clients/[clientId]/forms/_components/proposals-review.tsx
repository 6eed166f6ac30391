"use client";
import "@/app/_lib/zod-browser";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, ops, type BodyOf } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { Button } from "@/app/_components/ui/button";
import { decideProposalBody, type ProposalDto } from "@/lib/forms/schemas";

// An edit of a text answer: the "edit" decision with its value as one line of text.
const editForm = z.object({ value: decideProposalBody.options[1].shape.value.options[0] });
type EditValues = z.input<typeof editForm>;
type EditedValue = z.output<typeof editForm>["value"];

function EditProposal({
  label,
  proposed,
  busy,
  onSave,
  onCancel,
}: {
  label: string;
  proposed: string;
  busy: boolean;
  onSave: (value: EditedValue) => void;
  onCancel: () => void;
}) {
  const errorId = useId();
  const form = useForm<EditValues, unknown, z.output<typeof editForm>>({
    resolver: zodResolver(editForm),
    defaultValues: { value: proposed },
  });
  const error = form.formState.errors.value?.message;
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      noValidate
      onSubmit={form.handleSubmit((v) => onSave(v.value))}
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium">{label} to record</span>
        <input
          className="min-h-11 rounded-md border border-stone-300 px-3 aria-[invalid=true]:border-danger"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...form.register("value")}
        />
      </label>
      <Button type="submit" busy={busy}>
        Save
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      {error ? (
        <p id={errorId} className="w-full text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}

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
                <EditProposal
                  label={p.label}
                  proposed={String(p.proposed ?? "")}
                  busy={decide.isPending}
                  onSave={(value) => decide.mutate({ id: p.id, body: { action: "edit", value } })}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button
                    busy={decide.isPending && decide.variables?.id === p.id}
                    onClick={() => decide.mutate({ id: p.id, body: { action: "accept" } })}
                  >
                    Accept {p.label.toLowerCase()}
                  </Button>
                  {p.target !== "precautions" ? (
                    <Button variant="secondary" onClick={() => setEditing(p.id)}>
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
