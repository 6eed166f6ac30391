"use client";
import "@/app/_lib/zod-browser";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createComplaintBody } from "@/lib/outcomes/pain/complaint-body";
import type { ComplaintDto } from "@/lib/outcomes/pain/schemas";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { invalidatePain } from "@/app/_lib/queries/pain";
import { Field } from "@/app/_components/ui/field";
import { DateField } from "@/app/_components/ui/date-time-field";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { RegionPicker } from "@/app/(staff)/visits/[visitId]/_components/region-picker";

type Values = z.input<typeof createComplaintBody>;

/** Add a complaint, checked by the schema the request is (createComplaintBody) before it is sent. */
export function ComplaintForm({ clientId, onDone }: { clientId: string; onDone: (c: ComplaintDto | null) => void }) {
  const qc = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(createComplaintBody),
    defaultValues: { title: "", onsetDate: null, regions: [] },
  });
  const create = useMutation({
    mutationFn: (body: Values) => call(ops.createComplaint, { params: { clientId }, body }),
    onSuccess: async (c) => {
      await invalidatePain(qc, clientId);
      onDone(c);
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const e = form.formState.errors;
  return (
    <form
      onSubmit={form.handleSubmit((v) => create.mutate(v))}
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
        error={e.title?.message}
        autoComplete="off"
        required
        autoFocus
        {...form.register("title")}
      />
      <Controller
        control={form.control}
        name="onsetDate"
        render={({ field }) => (
          <DateField
            label="Onset date (optional)"
            value={field.value ?? ""}
            // An empty date is "not known", which the request says with null.
            onChange={(v) => field.onChange(v || null)}
            onBlur={field.onBlur}
            error={e.onsetDate?.message}
            className="max-w-xs"
          />
        )}
      />
      <Controller
        control={form.control}
        name="regions"
        render={({ field }) => (
          <RegionPicker label="Where it hurts (optional)" value={field.value ?? []} onChange={field.onChange} />
        )}
      />
      {e.regions?.message ? <p className="text-sm text-danger">{e.regions.message}</p> : null}
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
