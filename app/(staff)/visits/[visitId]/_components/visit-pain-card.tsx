"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { invalidatePain, painKeys, visitPainQuery, type VisitPain } from "@/app/_lib/queries/pain";
import { Card } from "@/app/_components/ui/layout";
import { EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { NprsScale } from "./nprs-scale";
import { VisitComplaintPicker } from "./visit-complaint-picker";

type Score = { before: number | null; after: number | null };
type Scores = Record<string, Score>;

/** NPRS before and after treatment for each of the client's open complaints at this visit. */
export function VisitPainCard({
  visitId,
  clientId,
  editable,
  signed,
}: {
  visitId: string;
  clientId: string;
  editable: boolean;
  signed: boolean;
}) {
  const q = useQuery(visitPainQuery(visitId));
  return (
    <Card title={signed ? "Pain at this visit (0–10)" : "Pain today (0–10)"}>
      {q.isPending ? <ListSkeleton rows={2} label="Loading pain scores" /> : null}
      {q.isError ? (
        <Notice tone="danger">
          The pain scores did not load.{" "}
          <button type="button" className="underline" onClick={() => q.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {q.data && editable ? (
        // One picker instance whether or not a complaint is open yet, so its confirmation survives
        // the card switching from "none yet" to the scores.
        <div className="space-y-4">
          {q.data.complaints.length > 0 ? (
            <PainForm
              key={q.data.complaints.map((c) => c.id).join()}
              visitId={visitId}
              clientId={clientId}
              data={q.data}
            />
          ) : (
            <p className="text-sm text-muted">
              No open complaint yet. Pain is scored per complaint, before and after treatment: add the complaint here,
              or reopen an earlier one.
            </p>
          )}
          <div className={q.data.complaints.length > 0 ? "border-t border-line pt-4" : ""}>
            <VisitComplaintPicker clientId={clientId} hasOpen={q.data.complaints.length > 0} />
          </div>
        </div>
      ) : null}
      {q.data && !editable ? (
        q.data.complaints.length === 0 ? (
          <EmptyState title="No open complaint to score">
            Pain is scored per complaint, before and after treatment.
          </EmptyState>
        ) : (
          <PainReadOnly data={q.data} signed={signed} />
        )
      ) : null}
    </Card>
  );
}

function PainForm({ visitId, clientId, data }: { visitId: string; clientId: string; data: VisitPain }) {
  const cf = useClinicFormat();
  const qc = useQueryClient();
  const [scores, setScores] = useState<Scores>(() =>
    Object.fromEntries(
      data.complaints.map((c) => [
        c.id,
        data.scores.find((s) => s.complaintId === c.id) ?? { before: null, after: null },
      ]),
    ),
  );
  // Complaints with a stored row: clearing both of their scores must still be sent.
  const [stored, setStored] = useState(() => new Set(data.scores.map((s) => s.complaintId)));
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const save = useMutation({
    // One scope: each PUT carries every score, so they must reach the server in the order chosen.
    scope: { id: `visit-pain-${visitId}` },
    mutationFn: (body: { scores: ({ complaintId: string } & Score)[] }) =>
      call(ops.setVisitPain, { params: { visitId }, body }),
    onSuccess: (res) => {
      setSavedAt(new Date());
      setStored(new Set(res.scores.map((s) => s.complaintId)));
      qc.setQueryData(painKeys.visit(visitId), res);
      void invalidatePain(qc, clientId);
    },
  });

  function send(next: Scores) {
    // An untouched complaint is not sent: a row of two nulls would count as a visit for it.
    const body = Object.entries(next)
      .filter(([id, s]) => stored.has(id) || s.before !== null || s.after !== null)
      .map(([complaintId, s]) => ({ complaintId, ...s }));
    save.mutate({ scores: body });
  }

  function change(id: string, key: keyof Score, v: number | null) {
    const next = { ...scores, [id]: { ...scores[id]!, [key]: v } };
    setScores(next);
    send(next);
  }

  // Server field errors are keyed by position in the body ("scores.0.before"): map back to the complaint.
  const fieldError = (id: string, key: keyof Score) => {
    if (!(save.error instanceof ApiError) || !save.variables) return undefined;
    const i = save.variables.scores.findIndex((s) => s.complaintId === id);
    return save.error.fieldErrors[`scores.${i}.${key}`]?.[0];
  };
  const status = save.isPending
    ? "Saving…"
    : save.isError
      ? "Not saved"
      : savedAt
        ? `Saved ${cf.at(savedAt, "time")}`
        : stored.size > 0
          ? "All changes saved"
          : "Saved as you choose";

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-muted">0 = no pain, 10 = worst imaginable. Ask before you treat, and again at the end.</p>
        <p role="status" aria-live="polite" className={save.isError ? "font-medium text-danger" : "text-muted"}>
          {status}
        </p>
      </div>
      {save.error ? (
        <Notice tone="danger" title="The pain scores were not saved">
          {save.error.message}{" "}
          <button type="button" className="underline" onClick={() => send(scores)}>
            Try again
          </button>
        </Notice>
      ) : null}
      {data.complaints.map((c) => {
        const s = scores[c.id]!;
        const diff = s.before !== null && s.after !== null ? s.after - s.before : null;
        return (
          <section
            key={c.id}
            aria-label={c.title}
            className="grid gap-3 border-t border-line pt-4 first-of-type:border-t-0 first-of-type:pt-0 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-6"
          >
            <div>
              <h3 className="font-semibold text-ink">{c.title}</h3>
              {diff !== null ? <p className="tabular mt-1 text-sm text-muted">{changeWords(diff)}</p> : null}
            </div>
            <div className="space-y-3">
              <NprsScale
                name={`${c.id}-before`}
                legend="Before treatment"
                context={c.title}
                value={s.before}
                onChange={(v) => change(c.id, "before", v)}
                error={fieldError(c.id, "before")}
              />
              <NprsScale
                name={`${c.id}-after`}
                legend="After treatment"
                context={c.title}
                value={s.after}
                onChange={(v) => change(c.id, "after", v)}
                error={fieldError(c.id, "after")}
              />
            </div>
          </section>
        );
      })}
    </div>
  );
}

function changeWords(diff: number) {
  const n = Math.abs(diff);
  const pts = `${n} point${n === 1 ? "" : "s"}`;
  return diff < 0
    ? `${pts} lower after treatment`
    : diff > 0
      ? `${pts} higher after treatment`
      : "No change after treatment";
}

/**
 * Read-only scores. On a signed visit only the complaints scored there are listed: a complaint
 * opened since then was never asked about, so "not recorded" beside it would mislead.
 */
function PainReadOnly({ data, signed }: { data: VisitPain; signed: boolean }) {
  const rows = data.complaints
    .map((c) => ({ c, s: data.scores.find((x) => x.complaintId === c.id) }))
    .filter(({ s }) => !signed || (s && (s.before !== null || s.after !== null)));
  if (rows.length === 0) return <p className="text-sm text-muted">No pain scores were recorded at this visit.</p>;
  const show = (v: number | null | undefined) =>
    v === null || v === undefined ? (
      <span className="text-muted">Not recorded</span>
    ) : (
      <strong className="tabular text-lg">
        {v}
        <span className="text-sm font-normal text-muted">/10</span>
      </strong>
    );
  return (
    <dl className="divide-y divide-line">
      {rows.map(({ c, s }) => (
        <div key={c.id} className="grid gap-2 py-3 sm:grid-cols-[minmax(0,1fr)_10rem_10rem] sm:items-baseline">
          <dt className="font-medium">{c.title}</dt>
          <dd>
            <span className="text-sm text-muted">Before </span>
            {show(s?.before)}
          </dd>
          <dd>
            <span className="text-sm text-muted">After </span>
            {show(s?.after)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
