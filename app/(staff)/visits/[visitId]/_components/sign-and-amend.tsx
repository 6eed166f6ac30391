"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, ops } from "@/app/_lib/api-client";
import { visitKeys } from "@/app/_lib/queries/visits";
import type { VisitDetail } from "@/lib/clinical/schemas";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { Confirm } from "@/app/_components/ui/confirm";

/** The Sign button (with a confirmation that says the note will lock), or, once signed, the amendments. */
export function SignAndAmend({
  visit,
  canSign,
  canWrite,
  beforeSign,
}: {
  visit: VisitDetail;
  canSign: boolean;
  canWrite: boolean;
  /** Saves any pending note text and returns the version to sign. */
  beforeSign: () => Promise<number>;
}) {
  const qc = useQueryClient();
  const cf = useClinicFormat();
  const refresh = () => qc.invalidateQueries({ queryKey: visitKeys.detail(visit.id) });
  const sign = useMutation({
    mutationFn: async () =>
      call(ops.signVisit, { params: { visitId: visit.id }, body: { version: await beforeSign() } }),
    onSuccess: refresh,
  });
  const [reason, setReason] = useState("");
  const [body, setBody] = useState("");
  const amend = useMutation({
    mutationFn: () => call(ops.addAmendment, { params: { visitId: visit.id }, body: { reason, body } }),
    onSuccess: () => {
      setReason("");
      setBody("");
      void refresh();
    },
  });
  const awaiting = visit.findings.filter((f) => f.status === null).length;

  if (visit.status === "draft") {
    if (!canSign) return null;
    return (
      <div className="space-y-3">
        {sign.error ? (
          <Notice tone="danger" testId="sign-error">
            {sign.error.message}
          </Notice>
        ) : null}
        {awaiting > 0 ? (
          <p className="text-sm text-warn">
            Give today&apos;s status for {awaiting} carried-forward point{awaiting === 1 ? "" : "s"} before signing.
          </p>
        ) : null}
        <Confirm
          trigger={
            <Button busy={sign.isPending} disabled={awaiting > 0}>
              Sign visit
            </Button>
          }
          title="Sign and lock this visit?"
          description="Signing locks the SOAP note and the findings. After that, corrections can only be added as dated amendments with a reason."
          confirmLabel="Sign and lock"
          onConfirm={() => sign.mutate()}
        />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Signed by <strong>{visit.signedByName}</strong> on {visit.signedAt ? cf.at(visit.signedAt, "dateTime") : ""}.
        The note and findings are locked.
      </p>
      {visit.amendments.length > 0 ? (
        <ol className="space-y-3" aria-label="Amendments">
          {visit.amendments.map((a) => (
            <li key={a.id} className="rounded-md border border-line bg-stone-50 p-3 text-sm">
              <p className="font-semibold">
                Amendment, {cf.at(a.createdAt, "dateTime")}, signed by {a.authorName}
              </p>
              <p className="text-muted">Reason: {a.reason}</p>
              <p className="mt-1 whitespace-pre-wrap">{a.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {canWrite ? (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            amend.mutate();
          }}
          aria-label="Add an amendment"
        >
          {amend.error ? <Notice tone="danger">{amend.error.message}</Notice> : null}
          <Field
            label="Reason for the amendment"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={(amend.error as { fieldErrors?: Record<string, string[]> } | null)?.fieldErrors?.reason?.[0]}
          />
          <div>
            <label htmlFor="amendment-body" className="mb-1 block text-sm font-medium">
              Correction
            </label>
            <textarea
              id="amendment-body"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={3}
              className="block w-full rounded-md border border-stone-300 p-3 text-sm"
            />
          </div>
          <Button type="submit" variant="secondary" busy={amend.isPending}>
            Add signed amendment
          </Button>
        </form>
      ) : null}
    </div>
  );
}
