import type { Metadata } from "next";
import { formatFor } from "@/lib/format/clinic-format";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listOutbox } from "@/lib/delivery/email/outbox";
import { PageHeader } from "@/app/_components/ui/layout";
import { Badge, EmptyState } from "@/app/_components/ui/feedback";
import { DataTable } from "@/app/_components/ui/data-table";

// Named for what it lists: emails and texts alike (it began as an email outbox).
export const metadata: Metadata = { title: "Messages" };

const STATUS_TONE = { sent: "success", pending: "info", failed: "danger", skipped: "neutral" } as const;
const STATUS_TEXT = { sent: "Sent", pending: "Waiting", failed: "Failed", skipped: "Not sent" } as const;

/** "Not sent: SMS not configured"; an email skipped with no reason recorded was held back for want of SMTP. */
function statusText(m: { status: string; channel: string; reason: string | null }): string {
  const base = STATUS_TEXT[m.status as keyof typeof STATUS_TEXT] ?? m.status;
  if (m.status === "skipped") return `${base}: ${m.reason ?? (m.channel === "email" ? "no SMTP" : "not set up")}`;
  return m.status === "failed" && m.reason ? `${base}: ${m.reason}` : base;
}

export default async function OutboxPage() {
  const actor = await requireActor({ permission: "outbox.read" });
  const mail = await listOutbox(await getDb(), actor);
  const fmt = formatFor(actor);
  return (
    <>
      <PageHeader
        title="Messages"
        description="Every email and text message Knotwork sends for this clinic. Without SMTP (or SMS) settings, messages stay here unsent."
      />
      {mail.length === 0 ? (
        <EmptyState title="No messages yet">
          Confirmations, reminders, invitations and invoices appear here when they are sent.
        </EmptyState>
      ) : (
        <DataTable
          caption="Outgoing emails and text messages"
          rows={mail}
          rowKey={(m) => m.id}
          columns={[
            {
              header: "Queued",
              className: "tabular whitespace-nowrap",
              cell: (m) => fmt.at(m.createdAt, "dateTime"),
            },
            { header: "Channel", cell: (m) => (m.channel === "sms" ? "SMS" : "Email") },
            { header: "To", cell: (m) => m.to },
            { header: "Subject", cell: (m) => m.subject },
            {
              header: "Status",
              cell: (m) => (
                <Badge tone={STATUS_TONE[m.status as keyof typeof STATUS_TONE] ?? "neutral"}>{statusText(m)}</Badge>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
