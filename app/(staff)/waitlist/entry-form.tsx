"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { WaitlistEntryDto } from "@/lib/scheduling/waitlist/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
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
  const [client, setClient] = useState<PickedClient | null>(null);
  const [v, setV] = useState({
    typeId: entry?.typeId ?? "",
    therapistUserIds: entry?.therapistUserIds ?? [],
    weekdays: entry?.weekdays ?? [],
    timeFrom: entry?.timeFrom ?? "",
    timeTo: entry?.timeTo ?? "",
    note: entry?.note ?? "",
  });
  const body = {
    typeId: v.typeId || null,
    therapistUserIds: v.therapistUserIds,
    weekdays: v.weekdays,
    timeFrom: v.timeFrom || null,
    timeTo: v.timeTo || null,
    note: v.note,
  };
  const save = useMutation({
    mutationFn: () =>
      entry
        ? call(ops.updateWaitlistEntry, { params: { entryId: entry.id }, body })
        : call(ops.addWaitlistEntry, { body: { ...body, clientId: client?.id ?? "" } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: waitlistKeys.all });
      if (!entry) {
        setClient(null);
        setV({ typeId: "", therapistUserIds: [], weekdays: [], timeFrom: "", timeTo: "", note: "" });
      }
      onDone?.();
    },
  });
  const err = (k: string) => (save.error instanceof ApiError ? save.error.fieldErrors[k]?.[0] : undefined);
  const name = entry ? `Edit ${entry.clientName}'s entry` : "Add to the waitlist";
  return (
    <form
      className="grid gap-4"
      aria-label={name}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {entry ? null : <ClientPicker value={client} onChange={setClient} error={err("clientId")} />}
      <SelectField
        label="Appointment type"
        value={v.typeId}
        onChange={(e) => setV({ ...v, typeId: e.target.value })}
        error={err("typeId")}
      >
        <option value="">Any type</option>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup
        legend="Preferred therapists"
        hint="None ticked: any therapist."
        options={therapists.map((t) => ({ value: t.id, label: t.name }))}
        values={v.therapistUserIds}
        onChange={(therapistUserIds) => setV({ ...v, therapistUserIds })}
        error={err("therapistUserIds")}
      />
      <CheckboxGroup
        legend="Days"
        hint="None ticked: any day."
        options={WEEKDAY_OPTIONS}
        values={v.weekdays}
        onChange={(weekdays) => setV({ ...v, weekdays })}
        error={err("weekdays")}
      />
      <div className="grid grid-cols-2 gap-3">
        <TimeField
          label="Earliest time"
          value={v.timeFrom}
          onChange={(t) => setV({ ...v, timeFrom: t })}
          error={err("timeFrom")}
        />
        <TimeField
          label="Latest time"
          value={v.timeTo}
          onChange={(t) => setV({ ...v, timeTo: t })}
          error={err("timeTo")}
        />
      </div>
      <Field
        label="Note (optional)"
        value={v.note}
        maxLength={500}
        onChange={(e) => setV({ ...v, note: e.target.value })}
        error={err("note")}
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
