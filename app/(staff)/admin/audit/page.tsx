import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { listAuditEvents } from "@/lib/audit/list-events";
import { PageHeader } from "@/app/_components/ui/layout";
import { EmptyState } from "@/app/_components/ui/feedback";
import { DataTable } from "@/app/_components/ui/data-table";

export const metadata: Metadata = { title: "Audit trail" };

const ACTION_TEXT: Record<string, string> = {
  "client.created": "created a client record",
  "client.updated": "edited a client record",
  "client.archived": "archived a client",
  "client.restored": "restored a client",
  "invitation.created": "created an invitation",
  "invitation.revoked": "revoked an invitation",
  "invitation.accepted": "accepted an invitation",
  "visit.created": "opened a visit",
  "visit.note_edited": "edited a visit note",
  "visit.signed": "signed a visit",
  "visit.amended": "amended a signed visit",
  "visit.pain_recorded": "recorded pain scores at a visit",
  "finding.created": "charted a trigger point",
  "finding.updated": "edited a finding",
  "finding.deleted": "removed a finding",
  "complaint.created": "added a complaint",
  "complaint.updated": "edited a complaint",
  "muscle.created": "added a clinic muscle",
  "questionnaire.assigned": "assigned a questionnaire",
  "questionnaire.cancelled": "stopped a questionnaire",
  "questionnaire.completed": "recorded a questionnaire",
  "instrument.wording_set": "entered licensed questionnaire wording",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requireActor({ permission: "audit.read" });
  const { before } = await searchParams;
  const validBefore = before && !Number.isNaN(Date.parse(before)) ? new Date(before).toISOString() : undefined;
  const events = await listAuditEvents(await getDb(), actor, { limit: 100, before: validBefore });
  const fmt = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: actor.clinicTimezone,
  });
  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Who changed what, newest first. Times in ${actor.clinicTimezone}.`}
      />
      {events.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          Changes to client records, visits and invitations appear here.
        </EmptyState>
      ) : (
        <DataTable
          caption="Audit events"
          rows={events}
          rowKey={(e) => e.id}
          columns={[
            { header: "When", className: "tabular whitespace-nowrap", cell: (e) => fmt.format(new Date(e.at)) },
            { header: "Who", cell: (e) => e.actorName ?? "System" },
            {
              header: "What",
              cell: (e) => (
                <>
                  {ACTION_TEXT[e.action] ?? e.action}
                  {Array.isArray(e.details.fields) ? (
                    <span className="text-muted"> ({(e.details.fields as string[]).join(", ")})</span>
                  ) : null}
                </>
              ),
            },
            {
              header: "Record",
              className: "font-mono text-xs text-muted",
              cell: (e) => `${e.entityType} ${e.entityId?.slice(0, 8) ?? ""}`,
            },
          ]}
        />
      )}
      {events.length === 100 ? (
        <p className="mt-4 text-sm">
          <a
            className="text-accent-700 underline"
            href={`/admin/audit?before=${encodeURIComponent(events[events.length - 1]!.at)}`}
          >
            Older events
          </a>
        </p>
      ) : null}
    </>
  );
}
