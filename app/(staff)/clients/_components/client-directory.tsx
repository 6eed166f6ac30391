"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { clientListQuery, PAGE_SIZE, type ClientStatusFilter } from "@/app/_lib/queries/clients";
import { ageOn, displayName } from "@/lib/clients/format";
import { Badge, EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { Button } from "@/app/_components/ui/button";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";

const STATUSES = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "All" },
] as const;

export function ClientDirectory({ compact = false }: { compact?: boolean }) {
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<ClientStatusFilter>("active");
  const [offset, setOffset] = useState(0);
  const deferredQ = useDeferredValue(q.trim());
  const list = useQuery(clientListQuery(deferredQ, status, offset));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="client-search" className="mb-1 block text-sm font-medium">
            Search clients
          </label>
          <input
            id="client-search"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
            placeholder="Name, email or phone"
            className="block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3"
          />
        </div>
        {compact ? null : (
          <fieldset className="flex gap-1" aria-label="Show">
            <legend className="sr-only">Show</legend>
            {STATUSES.map((s) => (
              <button
                key={s.value}
                type="button"
                aria-pressed={status === s.value}
                onClick={() => {
                  setStatus(s.value);
                  setOffset(0);
                }}
                className={`min-h-11 rounded-md border px-3 text-sm ${status === s.value ? "border-accent-600 bg-accent-50 text-accent-800" : "border-line bg-white text-muted"}`}
              >
                {s.label}
              </button>
            ))}
          </fieldset>
        )}
      </div>

      {list.isPending ? <ListSkeleton label="Loading clients" /> : null}
      {list.isError ? (
        <Notice tone="danger" title="The client list did not load">
          {list.error.message}{" "}
          <button type="button" className="underline" onClick={() => list.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyState title={deferredQ ? `No clients match “${deferredQ}”` : "No clients yet"}>
          {deferredQ
            ? "Check the spelling, or search by phone or email instead."
            : "Add your first client to start charting."}
        </EmptyState>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ScrollRegion label="Clients" className="rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Clients</caption>
            <thead className="border-b border-line bg-stone-50 text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Name
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Age
                </th>
                {compact ? null : (
                  <th scope="col" className="px-4 py-3 font-medium">
                    Phone
                  </th>
                )}
                {compact ? null : (
                  <th scope="col" className="px-4 py-3 font-medium">
                    Email
                  </th>
                )}
                <th scope="col" className="px-4 py-3 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className={list.isPlaceholderData ? "opacity-60" : ""}>
              {list.data.items.map((c) => (
                <tr key={c.id} className="border-b border-line last:border-0 hover:bg-stone-50">
                  <td className="px-4 py-3">
                    <Link
                      href={`/clients/${c.id}`}
                      className="font-medium text-accent-700 underline-offset-2 hover:underline"
                    >
                      {displayName(c)}
                    </Link>
                  </td>
                  <td className="tabular px-4 py-3">{ageOn(c.dateOfBirth) ?? "—"}</td>
                  {compact ? null : <td className="tabular px-4 py-3">{c.phone ?? "—"}</td>}
                  {compact ? null : <td className="px-4 py-3">{c.email ?? "—"}</td>}
                  <td className="px-4 py-3">
                    {c.archivedAt ? (
                      <Badge>Archived</Badge>
                    ) : c.hasPortalAccess ? (
                      <Badge tone="info">Portal</Badge>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {list.data && list.data.total > PAGE_SIZE ? (
        <div className="flex items-center justify-between text-sm text-muted">
          <span className="tabular">
            {offset + 1}–{Math.min(offset + PAGE_SIZE, list.data.total)} of {list.data.total}
          </span>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              Previous
            </Button>
            <Button
              variant="secondary"
              disabled={offset + PAGE_SIZE >= list.data.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Next
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
