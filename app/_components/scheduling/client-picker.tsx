"use client";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { clientListQuery } from "@/app/_lib/queries/clients";
import { displayName } from "@/lib/clients/format";
import { Field } from "@/app/_components/ui/field";
import { ListSkeleton, Notice } from "@/app/_components/ui/feedback";

export interface PickedClient {
  id: string;
  name: string;
}

/**
 * Search the clinic's active clients and pick one: a search field and, under it, the
 * matches as radio buttons (arrow keys move between them, as in any radio group).
 */
export function ClientPicker({
  value,
  onChange,
  error,
  label = "Client",
}: {
  value: PickedClient | null;
  onChange: (client: PickedClient | null) => void;
  error?: string;
  label?: string;
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const clients = useQuery({ ...clientListQuery(deferred, "active"), enabled: deferred.length > 0 });
  return (
    <div>
      <Field
        label={`Find ${label.toLowerCase()}`}
        type="search"
        value={search}
        autoComplete="off"
        placeholder="Name, email or phone"
        onChange={(e) => setSearch(e.target.value)}
        error={error}
        hint={
          value ? (
            <>
              Selected: <strong className="text-ink">{value.name}</strong>
            </>
          ) : (
            "Type a few letters of the name."
          )
        }
      />
      {deferred && clients.isPending ? (
        <div className="mt-2">
          <ListSkeleton rows={2} label="Searching clients" />
        </div>
      ) : null}
      {clients.isError ? (
        <div className="mt-2">
          <Notice tone="danger">The search failed. Try again.</Notice>
        </div>
      ) : null}
      {deferred && clients.data ? (
        clients.data.items.length === 0 ? (
          <p className="mt-2 text-sm text-muted">No active client matches “{deferred}”.</p>
        ) : (
          <fieldset className="mt-2 rounded-md border border-line p-2">
            <legend className="px-1 text-sm font-medium">Matching clients</legend>
            {clients.data.items.slice(0, 8).map((c) => {
              const name = displayName(c);
              return (
                <label
                  key={c.id}
                  className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 hover:bg-stone-50"
                >
                  <input
                    type="radio"
                    name={`${id}-client`}
                    value={c.id}
                    checked={value?.id === c.id}
                    onChange={() => onChange({ id: c.id, name })}
                    className="size-4 accent-accent-700"
                  />
                  <span>{name}</span>
                  {c.dateOfBirth ? <span className="tabular text-sm text-muted">born {c.dateOfBirth}</span> : null}
                </label>
              );
            })}
          </fieldset>
        )
      ) : null}
    </div>
  );
}
