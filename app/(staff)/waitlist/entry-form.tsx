"use client";
import "@/app/_lib/zod-browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { waitlistEntryBody, waitlistPatchBody, type WaitlistEntryDto } from "@/lib/scheduling/waitlist/schemas";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { waitlistKeys } from "@/app/_lib/queries/waitlist";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { TimeField } from "@/app/_components/ui/date-time-field";
import { Notice } from "@/app/_components/ui/feedback";
import { CheckboxGroup } from "@/app/_components/scheduling/checkbox-group";
import { ClientPicker, type PickedClient } from "@/app/_components/scheduling/client-picker";

export type Option = { id: string; name: string };
export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAY_OPTIONS = WEEKDAYS.map((label, i) => ({ value: i + 1, label }));

type Values = z.input<typeof waitlistEntryBody>;
const EMPTY: Values = {
  clientId: "",
  typeId: null,
  therapistUserIds: [],
  weekdays: [],
  timeFrom: null,
  timeTo: null,
  note: "",
};
// "Any" is an empty choice on screen and null in the body.
const noneIfEmpty = (v: string) => v || null;

/** Adds a waitlist entry, or edits one (`entry` given: the client stays, the preferences change). */
export function EntryForm({
  entry,
  types,
  therapists,
  onDone,
}: {
  entry?: WaitlistEntryDto;
  types: Option[];
  therapists: Option[];
  onDone?: () => void;
}) {
  const qc = useQueryClient();
  // Only to show the chosen client's name in the picker; the form holds the id.
  const [picked, setPicked] = useState<PickedClient | null>(null);
  const form = useForm<Values>({
    // An edit sends the preferences alone, checked as the patch it is (same rules, no client).
    resolver: (entry ? zodResolver(waitlistPatchBody) : zodResolver(waitlistEntryBody)) as Resolver<Values>,
    defaultValues: entry
      ? {
          clientId: entry.clientId,
          typeId: entry.typeId,
          therapistUserIds: entry.therapistUserIds,
          weekdays: entry.weekdays,
          timeFrom: entry.timeFrom,
          timeTo: entry.timeTo,
          note: entry.note,
        }
      : EMPTY,
  });
  const save = useMutation({
    mutationFn: ({ clientId, ...body }: Values) =>
      entry
        ? call(ops.updateWaitlistEntry, { params: { entryId: entry.id }, body })
        : call(ops.addWaitlistEntry, { body: { ...body, clientId } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: waitlistKeys.all });
      if (!entry) {
        setPicked(null);
        form.reset(EMPTY);
      }
      onDone?.();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const e = form.formState.errors;
  const name = entry ? `Edit ${entry.clientName}'s entry` : "Add to the waitlist";
  return (
    <form className="grid gap-4" aria-label={name} noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      {entry ? null : (
        <Controller
          control={form.control}
          name="clientId"
          render={({ field }) => (
            <ClientPicker
              value={picked && picked.id === field.value ? picked : null}
              onChange={(c) => {
                setPicked(c);
                field.onChange(c?.id ?? "");
              }}
              error={e.clientId?.message}
            />
          )}
        />
      )}
      <SelectField
        label="Appointment type"
        {...form.register("typeId", { setValueAs: noneIfEmpty })}
        error={e.typeId?.message}
      >
        <option value="">Any type</option>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <Controller
        control={form.control}
        name="therapistUserIds"
        render={({ field }) => (
          <CheckboxGroup
            legend="Preferred therapists"
            hint="None ticked: any therapist."
            options={therapists.map((t) => ({ value: t.id, label: t.name }))}
            values={field.value ?? []}
            onChange={field.onChange}
            error={e.therapistUserIds?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="weekdays"
        render={({ field }) => (
          <CheckboxGroup
            legend="Days"
            hint="None ticked: any day."
            options={WEEKDAY_OPTIONS}
            values={field.value ?? []}
            onChange={field.onChange}
            error={e.weekdays?.message}
          />
        )}
      />
      <div className="grid grid-cols-2 gap-3">
        {(
          [
            ["timeFrom", "Earliest time"],
            ["timeTo", "Latest time"],
          ] as const
        ).map(([name, label]) => (
          <Controller
            key={name}
            control={form.control}
            name={name}
            render={({ field }) => (
              <TimeField
                label={label}
                value={field.value ?? ""}
                onChange={(t) => field.onChange(noneIfEmpty(t))}
                onBlur={field.onBlur}
                error={e[name]?.message}
              />
            )}
          />
        ))}
      </div>
      <Field
        label="Note (optional)"
        maxLength={500}
        {...form.register("note")}
        error={e.note?.message}
        hint="For the front desk, e.g. “can come at short notice”. No clinical details."
      />
      {save.error && !(save.error instanceof ApiError && Object.keys(save.error.fieldErrors).length) ? (
        <Notice tone="danger">{save.error.message}</Notice>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant={entry ? "secondary" : "primary"} busy={save.isPending}>
          {entry ? "Save changes" : "Add to the waitlist"}
        </Button>
        {onDone && entry ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** "Tue, Thu · 08:00–12:00 · Tara Therapist · Treatment 60" — the preferences in one line. */
export function describePreferences(e: WaitlistEntryDto): string {
  const days = e.weekdays.length ? e.weekdays.map((d) => WEEKDAYS[d - 1]).join(", ") : "Any day";
  const time = e.timeFrom || e.timeTo ? `${e.timeFrom ?? "any time"}–${e.timeTo ?? "close"}` : "any time";
  const who = e.therapistNames.length ? e.therapistNames.join(" or ") : "any therapist";
  return `${days} · ${time} · ${who} · ${e.typeName ?? "any type"}`;
}
