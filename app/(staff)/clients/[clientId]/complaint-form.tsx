"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ComplaintDto } from "@/lib/outcomes/pain/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { invalidatePain } from "@/app/_lib/queries/pain";
import { Field } from "@/app/_components/ui/field";
import { DateField } from "@/app/_components/ui/date-time-field";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { RegionPicker } from "@/app/(staff)/visits/[visitId]/_components/region-picker";

/**
 * Add a complaint. Validation is the server's (createComplaintBody): importing the zod schema
 * here would ship the NPRS reference data to the browser for one length check, and the server's
 * field errors are shown beside their fields anyway.
 */
export function ComplaintForm({ clientId, onDone }: { clientId: string; onDone: (c: ComplaintDto | null) => void }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState("");
  const [onsetDate, setOnsetDate] = useState("");
  const [regions, setRegions] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      call(ops.createComplaint, { params: { clientId }, body: { title, regions, onsetDate: onsetDate || null } }),
    onSuccess: async (c) => {
      await invalidatePain(qc, clientId);
      onDone(c);
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded-md border border-line bg-surface p-4"
      aria-label="Add a complaint"
    >
      {create.error && Object.keys(fieldErrors).length === 0 ? (
        <Notice tone="danger">{create.error.message}</Notice>
      ) : null}
      <Field
        label="Complaint"
        hint="In the client's words where possible, e.g. “right-sided neck pain with headaches”."
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldErrors.title?.[0]}
        autoComplete="off"
        required
        autoFocus
      />
      <DateField
        label="Onset date (optional)"
        value={onsetDate}
        onChange={(v) => setOnsetDate(v)}
        error={fieldErrors.onsetDate?.[0]}
        className="max-w-xs"
      />
      <RegionPicker label="Where it hurts (optional)" value={regions} onChange={setRegions} />
      {fieldErrors.regions?.[0] ? <p className="text-sm text-danger">{fieldErrors.regions[0]}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={create.isPending}>
          Add complaint
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
