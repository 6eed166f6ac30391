import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { listAuditEvents } from "@/lib/audit/list-events";
import { PageHeader } from "@/app/_components/ui/layout";
import { EmptyState } from "@/app/_components/ui/feedback";

export const metadata: Metadata = { title: "Audit trail" };

const ACTION_TEXT: Record<string, string> = {
  "client.created": "created a client record",
  "client.updated": "edited a client record",
  "client.archived": "archived a client",
  "client.restored": "restored a client",
  "invitation.created": "created an invitation",
  "invitation.revoked": "revoked an invitation",
  "invitation.accepted": "accepted an invitation",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requireActor({ permission: "audit.read" });
  const { before } = await searchParams;
  const validBefore = before && !Number.isNaN(Date.parse(before)) ? new Date(before).toISOString() : undefined;
  const events = await listAuditEvents(await getDb(), actor, { limit: 100, before: validBefore });
  const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: actor.clinicTimezone });
  return (
    <>
      <PageHeader title="Audit trail" description={`Who changed what, newest first. Times in ${actor.clinicTimezone}.`} />
      {events.length === 0 ? (
        <EmptyState title="Nothing recorded yet">Changes to client records, visits and invitations appear here.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit events</caption>
            <thead className="border-b border-line bg-stone-50 text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">When</th>
                <th scope="col" className="px-4 py-3 font-medium">Who</th>
                <th scope="col" className="px-4 py-3 font-medium">What</th>
                <th scope="col" className="px-4 py-3 font-medium">Record</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-line last:border-0">
                  <td className="tabular whitespace-nowrap px-4 py-3">{fmt.format(new Date(e.at))}</td>
                  <td className="px-4 py-3">{e.actorName ?? "System"}</td>
                  <td className="px-4 py-3">
                    {ACTION_TEXT[e.action] ?? e.action}
                    {Array.isArray(e.details.fields) ? <span className="text-muted"> ({(e.details.fields as string[]).join(", ")})</span> : null}
                  </td>
                  <td className="px-4 py-3 font-mono text-xs text-muted">{e.entityType} {e.entityId?.slice(0, 8)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.length === 100 ? (
        <p className="mt-4 text-sm"><a className="text-accent-700 underline" href={`/admin/audit?before=${encodeURIComponent(events[events.length - 1]!.at)}`}>Older events</a></p>
      ) : null}
    </>
  );
}
