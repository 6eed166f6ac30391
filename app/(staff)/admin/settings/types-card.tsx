"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { CheckboxGroup } from "@/app/_components/scheduling/checkbox-group";
import { setupKeys } from "@/app/_lib/queries/clinic-setup";

type Therapist = { id: string; name: string };
const EMPTY = { name: "", durationMin: "60", bufferAfterMin: "0", bookableOnline: false, therapistIds: [] as string[] };
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
  const [ids, setIds] = useState(type.therapistIds);
  const save = useMutation({
    mutationFn: () => call(ops.updateAppointmentType, { params: { typeId: type.id }, body: { therapistIds: ids } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: setupKeys.appointmentTypes });
      onDone();
    },
  });
  return (
    <form
      className="w-full space-y-2 pb-3"
      aria-label={`Therapists for ${type.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <CheckboxGroup
        legend={`Who offers ${type.name}`}
        hint={ALL_HINT}
        options={therapists.map((t) => ({ value: t.id, label: t.name }))}
        values={ids}
        onChange={setIds}
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
  const [draft, setDraft] = useState(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: setupKeys.appointmentTypes });
  const add = useMutation({
    mutationFn: () =>
      call(ops.createAppointmentType, {
        body: {
          name: draft.name,
          durationMin: Number(draft.durationMin),
          bufferAfterMin: Number(draft.bufferAfterMin),
          bookableOnline: draft.bookableOnline,
          therapistIds: draft.therapistIds,
        },
      }),
    onSuccess: () => {
      setDraft(EMPTY);
      void refresh();
    },
  });
  const archive = useMutation({
    mutationFn: (t: AppointmentTypeDto) =>
      call(ops.updateAppointmentType, { params: { typeId: t.id }, body: { archived: !t.archived } }),
    onSuccess: refresh,
  });
  const err = (k: string) => (add.error instanceof ApiError ? add.error.fieldErrors[k]?.[0] : undefined);
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
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
        aria-label="Add an appointment type"
      >
        <Field
          label="Name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={err("name")}
          className="sm:col-span-3"
        />
        <Field
          label="Length (min)"
          type="number"
          value={draft.durationMin}
          onChange={(e) => setDraft({ ...draft, durationMin: e.target.value })}
          error={err("durationMin")}
        />
        <Field
          label="Buffer after (min)"
          type="number"
          value={draft.bufferAfterMin}
          onChange={(e) => setDraft({ ...draft, bufferAfterMin: e.target.value })}
          error={err("bufferAfterMin")}
        />
        <label className="flex min-h-11 items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            className="size-5 accent-accent-700"
            checked={draft.bookableOnline}
            onChange={(e) => setDraft({ ...draft, bookableOnline: e.target.checked })}
          />
          Bookable online
        </label>
        {therapists.length > 0 ? (
          <div className="sm:col-span-3">
            <CheckboxGroup
              legend="Offered by"
              hint={ALL_HINT}
              options={therapists.map((t) => ({ value: t.id, label: t.name }))}
              values={draft.therapistIds}
              onChange={(therapistIds) => setDraft({ ...draft, therapistIds })}
              error={err("therapistIds")}
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
