"use client";
import "@/app/_lib/zod-browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { appointmentTypeBody, appointmentTypePatchBody, type AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { CheckboxGroup } from "@/app/_components/scheduling/checkbox-group";
import { setupKeys } from "@/app/_lib/queries/clinic-setup";

type Therapist = { id: string; name: string };
const addSchema = appointmentTypeBody.pick({
  name: true,
  durationMin: true,
  bufferAfterMin: true,
  bookableOnline: true,
  therapistIds: true,
});
type AddValues = z.input<typeof addSchema>;
const EMPTY: AddValues = { name: "", durationMin: 60, bufferAfterMin: 0, bookableOnline: false, therapistIds: [] };
const therapistsSchema = appointmentTypePatchBody.pick({ therapistIds: true });
type TherapistValues = z.input<typeof therapistsSchema>;
const ALL_HINT = "Leave all unticked and every therapist offers it.";

function offeredBy(t: AppointmentTypeDto, therapists: Therapist[]) {
  if (t.therapistIds.length === 0) return "All therapists";
  return t.therapistIds.map((id) => therapists.find((x) => x.id === id)?.name ?? "Former therapist").join(", ");
}

/** Edits which therapists offer one type, in place. */
function TherapistEditor({
  type,
  therapists,
  onDone,
}: {
  type: AppointmentTypeDto;
  therapists: Therapist[];
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const form = useForm<TherapistValues>({
    resolver: zodResolver(therapistsSchema),
    defaultValues: { therapistIds: type.therapistIds },
  });
  const save = useMutation({
    mutationFn: (body: TherapistValues) => call(ops.updateAppointmentType, { params: { typeId: type.id }, body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: setupKeys.appointmentTypes });
      onDone();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  return (
    <form
      className="w-full space-y-2 pb-3"
      aria-label={`Therapists for ${type.name}`}
      noValidate
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
    >
      <Controller
        control={form.control}
        name="therapistIds"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={`Who offers ${type.name}`}
            hint={ALL_HINT}
            options={therapists.map((t) => ({ value: t.id, label: t.name }))}
            values={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" busy={save.isPending}>
          Save therapists
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function TypesCard({ initial, therapists }: { initial: AppointmentTypeDto[]; therapists: Therapist[] }) {
  const qc = useQueryClient();
  const types = useQuery({
    queryKey: setupKeys.appointmentTypes,
    queryFn: () => call(ops.listAppointmentTypes),
    initialData: initial,
  });
  const form = useForm<AddValues, unknown, z.output<typeof addSchema>>({
    resolver: zodResolver(addSchema),
    defaultValues: EMPTY,
  });
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: setupKeys.appointmentTypes });
  const add = useMutation({
    mutationFn: (body: z.output<typeof addSchema>) => call(ops.createAppointmentType, { body }),
    onSuccess: () => {
      form.reset(EMPTY);
      void refresh();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const archive = useMutation({
    mutationFn: (t: AppointmentTypeDto) =>
      call(ops.updateAppointmentType, { params: { typeId: t.id }, body: { archived: !t.archived } }),
    onSuccess: refresh,
  });
  const e = form.formState.errors;
  return (
    <Card title="Appointment types">
      {types.data.length === 0 ? (
        <EmptyState title="No appointment types yet">
          Add what clients can book, with its length and the buffer after it.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line" aria-label="Appointment types">
          {types.data.map((t) => (
            <li key={t.id} className="flex min-h-12 flex-wrap items-center justify-between gap-2 py-1">
              <span className="flex flex-col">
                <span className="flex flex-wrap items-center gap-2">
                  <span aria-hidden className="size-3 rounded-full" style={{ background: t.colour }} />
                  {t.name}{" "}
                  <span className="tabular text-sm text-muted">
                    {t.durationMin} min{t.bufferAfterMin ? ` + ${t.bufferAfterMin} buffer` : ""}
                  </span>
                  {t.bookableOnline ? <Badge tone="info">Online</Badge> : null}
                  {t.archived ? <Badge>Archived</Badge> : null}
                </span>
                <span className="text-sm text-muted">Offered by: {offeredBy(t, therapists)}</span>
              </span>
              <span className="flex gap-1">
                {therapists.length > 0 && !t.archived ? (
                  <Button
                    variant="ghost"
                    aria-expanded={editing === t.id}
                    onClick={() => setEditing(editing === t.id ? null : t.id)}
                    aria-label={`Therapists for ${t.name}`}
                  >
                    Therapists
                  </Button>
                ) : null}
                <Button variant="ghost" onClick={() => archive.mutate(t)}>
                  {t.archived ? "Restore" : "Archive"}
                </Button>
              </span>
              {editing === t.id ? (
                <TherapistEditor type={t} therapists={therapists} onDone={() => setEditing(null)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-4 grid gap-3 sm:grid-cols-3"
        noValidate
        onSubmit={form.handleSubmit((v) => add.mutate(v))}
        aria-label="Add an appointment type"
      >
        <Field label="Name" {...form.register("name")} error={e.name?.message} className="sm:col-span-3" />
        <Field
          label="Length (min)"
          type="number"
          {...form.register("durationMin", { valueAsNumber: true })}
          error={e.durationMin?.message}
        />
        <Field
          label="Buffer after (min)"
          type="number"
          {...form.register("bufferAfterMin", { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) })}
          error={e.bufferAfterMin?.message}
        />
        <label className="flex min-h-11 items-center gap-2 self-end text-sm">
          <input type="checkbox" className="size-5 accent-accent-700" {...form.register("bookableOnline")} />
          Bookable online
        </label>
        {therapists.length > 0 ? (
          <div className="sm:col-span-3">
            <Controller
              control={form.control}
              name="therapistIds"
              render={({ field }) => (
                <CheckboxGroup
                  legend="Offered by"
                  hint={ALL_HINT}
                  options={therapists.map((t) => ({ value: t.id, label: t.name }))}
                  values={field.value ?? []}
                  onChange={field.onChange}
                  error={e.therapistIds?.message}
                />
              )}
            />
          </div>
        ) : null}
        <Button type="submit" variant="secondary" busy={add.isPending} className="sm:col-span-3">
          Add appointment type
        </Button>
      </form>
      {add.error && !(add.error instanceof ApiError && Object.keys(add.error.fieldErrors).length) ? (
        <div className="mt-2">
          <Notice tone="danger">{add.error.message}</Notice>
        </div>
      ) : null}
    </Card>
  );
}
