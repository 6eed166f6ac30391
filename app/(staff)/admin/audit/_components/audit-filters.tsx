"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
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
  const [client, setClient] = useState<PickedClient | null>(initial.client ?? null);
  const [pending, startTransition] = useTransition();

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const params = new URLSearchParams();
    for (const key of ["personId", "action", "from", "to"]) {
      const v = String(form.get(key) ?? "");
      if (v) params.set(key, v);
    }
    if (client) params.set("clientId", client.id);
    startTransition(() => router.push(`/admin/audit${params.size ? `?${params}` : ""}`));
  }

  return (
    <form
      onSubmit={apply}
      aria-label="Filter the audit trail"
      className="mb-6 rounded-lg border border-line bg-white p-4"
    >
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <SelectField
          label="Person"
          name="personId"
          defaultValue={initial.personId ?? ""}
          error={fieldErrors.personId?.[0]}
        >
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Event" name="action" defaultValue={initial.action ?? ""} error={fieldErrors.action?.[0]}>
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
        <DateField
          label="From"
          name="from"
          defaultValue={initial.from}
          min="1900-01-01"
          max="2200-12-31"
          error={fieldErrors.from?.[0]}
        />
        <DateField
          label="To"
          name="to"
          defaultValue={initial.to}
          min="1900-01-01"
          max="2200-12-31"
          error={fieldErrors.to?.[0]}
        />
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <ClientPicker value={client} onChange={setClient} label="Client" error={fieldErrors.clientId?.[0]} />
          {client ? (
            <button type="button" className="mt-2 text-sm text-accent-700 underline" onClick={() => setClient(null)}>
              Any client
            </button>
          ) : null}
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
