import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { listOutbox } from "@/lib/email/outbox";
import { PageHeader } from "@/app/_components/ui/layout";
import { Badge, EmptyState } from "@/app/_components/ui/feedback";

export const metadata: Metadata = { title: "Email outbox" };

const STATUS_TONE = { sent: "success", pending: "info", failed: "danger", skipped: "neutral" } as const;
const STATUS_TEXT = { sent: "Sent", pending: "Waiting", failed: "Failed", skipped: "Not sent (no SMTP)" } as const;

export default async function OutboxPage() {
  const actor = await requireActor({ permission: "outbox.read" });
  const mail = await listOutbox(await getDb(), actor);
  const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: actor.clinicTimezone });
  return (
    <>
      <PageHeader title="Email outbox" description="Every email Knotwork sends for this clinic. Without SMTP settings, mail stays here unsent." />
      {mail.length === 0 ? (
        <EmptyState title="No email yet">Invitations and reminders appear here when they are sent.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Outgoing email</caption>
            <thead className="border-b border-line bg-stone-50 text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Queued</th>
                <th scope="col" className="px-4 py-3 font-medium">To</th>
                <th scope="col" className="px-4 py-3 font-medium">Subject</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {mail.map((m) => (
                <tr key={m.id} className="border-b border-line last:border-0">
                  <td className="tabular whitespace-nowrap px-4 py-3">{fmt.format(new Date(m.createdAt))}</td>
                  <td className="px-4 py-3">{m.to}</td>
                  <td className="px-4 py-3">{m.subject}</td>
                  <td className="px-4 py-3">
                    <Badge tone={STATUS_TONE[m.status as keyof typeof STATUS_TONE] ?? "neutral"}>{STATUS_TEXT[m.status as keyof typeof STATUS_TEXT] ?? m.status}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
