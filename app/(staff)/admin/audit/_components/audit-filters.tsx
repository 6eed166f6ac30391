"use client";
import "@/app/_lib/zod-browser";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { listAuditQuery } from "@/lib/audit/schemas";
import { SelectField } from "@/app/_components/ui/field";
import { DateField } from "@/app/_components/ui/date-time-field";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { ClientPicker, type PickedClient } from "@/app/_components/scheduling/client-picker";

export interface AuditFilterValues {
  personId?: string;
  client?: PickedClient | null;
  action?: string;
  from?: string;
  to?: string;
}

const filterSchema = listAuditQuery.pick({ personId: true, clientId: true, action: true, from: true, to: true });
type Filters = z.input<typeof filterSchema>;
// "Anyone", "Any event" and an empty date are no filter: left out of the query, not sent as "".
const noneIfEmpty = (v: string) => v || undefined;

/**
 * The audit page's filters. Applying them starts again at the newest matching event
 * (the position in the old list means nothing in the new one).
 */
export function AuditFilters({
  initial,
  people,
  groups,
  fieldErrors,
}: {
  initial: AuditFilterValues;
  people: { id: string; name: string }[];
  groups: { label: string; actions: { action: string; label: string }[] }[];
  fieldErrors: Record<string, string[] | undefined>;
}) {
  const router = useRouter();
  // Only to show the chosen client's name in the picker; the form holds the id.
  const [client, setClient] = useState<PickedClient | null>(initial.client ?? null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Filters>({
    resolver: zodResolver(filterSchema),
    defaultValues: {
      personId: initial.personId || undefined,
      clientId: initial.client?.id,
      action: initial.action || undefined,
      from: initial.from || undefined,
      to: initial.to || undefined,
    },
  });
  // A filter the page refused (a hand-edited address) shows until the form checks its own.
  const error = (key: keyof Filters) => form.formState.errors[key]?.message ?? fieldErrors[key]?.[0];

  function apply(filters: Filters) {
    const params = new URLSearchParams();
    for (const key of ["personId", "action", "from", "to", "clientId"] as const) {
      const v = filters[key];
      if (v) params.set(key, v);
    }
    startTransition(() => router.push(`/admin/audit${params.size ? `?${params}` : ""}`));
  }

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(apply)}
      aria-label="Filter the audit trail"
      className="mb-6 rounded-lg border border-line bg-white p-4"
    >
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <SelectField
          label="Person"
          {...form.register("personId", { setValueAs: noneIfEmpty })}
          error={error("personId")}
        >
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Event" {...form.register("action", { setValueAs: noneIfEmpty })} error={error("action")}>
          <option value="">Any event</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.actions.map((a) => (
                <option key={a.action} value={a.action}>
                  {a.label}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <Controller
          control={form.control}
          name="from"
          render={({ field }) => (
            <DateField
              label="From"
              value={field.value ?? ""}
              onChange={(v) => field.onChange(noneIfEmpty(v))}
              onBlur={field.onBlur}
              min="1900-01-01"
              max="2200-12-31"
              error={error("from")}
            />
          )}
        />
        <Controller
          control={form.control}
          name="to"
          render={({ field }) => (
            <DateField
              label="To"
              value={field.value ?? ""}
              onChange={(v) => field.onChange(noneIfEmpty(v))}
              onBlur={field.onBlur}
              min="1900-01-01"
              max="2200-12-31"
              error={error("to")}
            />
          )}
        />
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <Controller
            control={form.control}
            name="clientId"
            render={({ field }) => (
              <>
                <ClientPicker
                  value={client}
                  onChange={(c) => {
                    setClient(c);
                    field.onChange(c?.id);
                  }}
                  label="Client"
                  error={error("clientId")}
                />
                {client ? (
                  <button
                    type="button"
                    className="mt-2 text-sm text-accent-700 underline"
                    onClick={() => {
                      setClient(null);
                      field.onChange(undefined);
                    }}
                  >
                    Any client
                  </button>
                ) : null}
              </>
            )}
          />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="submit" busy={pending}>
          Apply filters
        </Button>
        <ButtonLink href="/admin/audit" variant="secondary">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
