"use client";
import "@/app/_lib/zod-browser";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { visitKeys } from "@/app/_lib/queries/visits";
import { amendmentBody, type VisitDetail } from "@/lib/clinical/schemas";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { Confirm } from "@/app/_components/ui/confirm";

type AmendmentValues = z.input<typeof amendmentBody>;

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
  const form = useForm<AmendmentValues>({
    resolver: zodResolver(amendmentBody),
    defaultValues: { reason: "", body: "" },
  });
  const amend = useMutation({
    mutationFn: (body: AmendmentValues) => call(ops.addAmendment, { params: { visitId: visit.id }, body }),
    onSuccess: () => {
      form.reset();
      void refresh();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const e = form.formState.errors;
  const amendFieldErrors = amend.error instanceof ApiError && Object.keys(amend.error.fieldErrors).length > 0;
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
          noValidate
          onSubmit={form.handleSubmit((v) => amend.mutate(v))}
          aria-label="Add an amendment"
        >
          {amend.error && !amendFieldErrors ? <Notice tone="danger">{amend.error.message}</Notice> : null}
          <Field label="Reason for the amendment" error={e.reason?.message} {...form.register("reason")} />
          <div>
            <label htmlFor="amendment-body" className="mb-1 block text-sm font-medium">
              Correction
            </label>
            <textarea
              id="amendment-body"
              rows={3}
              aria-invalid={e.body ? true : undefined}
              aria-describedby={e.body ? "amendment-body-error" : undefined}
              className="block w-full rounded-md border border-stone-300 p-3 text-sm aria-[invalid=true]:border-danger"
              {...form.register("body")}
            />
            {e.body ? (
              <p id="amendment-body-error" className="mt-1 text-sm text-danger">
                {e.body.message}
              </p>
            ) : null}
          </div>
          <Button type="submit" variant="secondary" busy={amend.isPending}>
            Add signed amendment
          </Button>
        </form>
      ) : null}
    </div>
  );
}
