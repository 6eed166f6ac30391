import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listAuditEvents } from "@/lib/audit/list-events";
import { listAuditPeople } from "@/lib/audit/people";
import { EVENT_GROUPS } from "@/lib/audit/event-names";
import { listAuditQuery, type AuditEventDto } from "@/lib/audit/schemas";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { displayName } from "@/lib/clients/format";
import { formatFor } from "@/lib/format/clinic-format";
import { PageHeader } from "@/app/_components/ui/layout";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { DataTable } from "@/app/_components/ui/data-table";
import { AuditFilters } from "./_components/audit-filters";

export const metadata: Metadata = { title: "Audit trail" };

const FILTER_KEYS = ["personId", "clientId", "action", "from", "to"] as const;

function recordLink(e: AuditEventDto): { href: string; text: string } | null {
  if (!e.entityId || e.action === "access.refused") return null;
  if (e.entityType === "visit") return { href: `/visits/${e.entityId}`, text: "Open visit" };
  if (e.entityType === "programme" && e.clientId)
    return { href: `/clients/${e.clientId}/programmes/${e.entityId}`, text: "Open programme" };
  return null;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor({ permission: "audit.read" });
  const raw = await searchParams;
  const given = Object.fromEntries(
    [...FILTER_KEYS, "cursor"].flatMap((k) => (typeof raw[k] === "string" && raw[k] ? [[k, raw[k]]] : [])),
  );
  // A hand-edited or stale address shows what is wrong beside the filter instead of failing.
  const parsed = listAuditQuery.safeParse({ ...given, limit: 50 });
  const fieldErrors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const query = parsed.success ? parsed.data : listAuditQuery.parse({ limit: 50 });
  const db = await getDb();
  const [page, people, pickedClient] = await Promise.all([
    listAuditEvents(db, actor, query),
    listAuditPeople(db, actor),
    query.clientId
      ? getClientOrThrow(db, actor, query.clientId).then(
          (c) => ({ id: c.id, name: displayName(c) }),
          () => null,
        )
      : null,
  ]);
  const fmt = formatFor(actor);
  const filters = new URLSearchParams(
    FILTER_KEYS.flatMap((k) => (query[k] ? [[k, String(query[k])] as [string, string]] : [])),
  );
  const olderHref = page.nextCursor
    ? `/admin/audit?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}`
    : null;
  const filtered = filters.size > 0;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Who read or changed what, newest first. Times in ${actor.clinicTimezone}.`}
      />
      <AuditFilters
        key={filters.toString()}
        initial={{ ...query, client: pickedClient }}
        people={people}
        groups={EVENT_GROUPS}
        fieldErrors={fieldErrors}
      />
      {!parsed.success ? (
        <div className="mb-4">
          <Notice tone="warning">Some filters could not be used; showing the newest events instead.</Notice>
        </div>
      ) : null}
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "Nothing recorded yet"}>
          {filtered
            ? "Try a wider date range or fewer filters."
            : "Reads of health information and changes to records appear here."}
        </EmptyState>
      ) : (
        <DataTable
          caption={query.cursor ? "Audit events (older page)" : "Audit events, newest first"}
          rows={page.items}
          rowKey={(e) => e.id}
          columns={[
            { header: "When", className: "tabular whitespace-nowrap", cell: (e) => fmt.at(e.at, "dateTime") },
            { header: "Who", cell: (e) => e.personName ?? "System" },
            {
              header: "What",
              cell: (e) => (
                <>
                  {e.label}
                  {e.note ? <span className="block text-sm text-muted">{e.note}</span> : null}
                  {e.changedFields.length ? (
                    <span className="block text-sm text-muted">Changed: {e.changedFields.join(", ")}</span>
                  ) : null}
                </>
              ),
            },
            {
              header: "Client",
              cell: (e) =>
                e.clientName ? (
                  <Link className="text-accent-700 underline" href={`/clients/${e.clientId}`}>
                    {e.clientName}
                  </Link>
                ) : (
                  <span className="text-muted">—</span>
                ),
            },
            {
              header: "Record",
              cell: (e) => {
                const link = recordLink(e);
                return link ? (
                  <Link className="text-accent-700 underline" href={link.href}>
                    {link.text}
                  </Link>
                ) : (
                  <span className="text-muted">—</span>
                );
              },
            },
          ]}
        />
      )}
      <nav aria-label="Audit pages" className="mt-4 flex flex-wrap gap-4 text-sm">
        {query.cursor ? (
          <Link className="text-accent-700 underline" href={`/admin/audit${filters.size ? `?${filters}` : ""}`}>
            Newest events
          </Link>
        ) : null}
        {olderHref ? (
          <Link className="text-accent-700 underline" href={olderHref}>
            Older events
          </Link>
        ) : null}
      </nav>
    </>
  );
}
