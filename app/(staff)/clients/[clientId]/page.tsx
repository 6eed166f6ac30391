import type { Metadata } from "next";
import { formatFor } from "@/lib/format/clinic-format";
import { can } from "@/lib/auth/scopes";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { PRECAUTIONS } from "@/lib/programmes/precautions";
import { listRecentReads } from "@/lib/audit/recent-reads";
import { getDb } from "@/lib/server-db";
import { ClientRecord } from "./client-record";
import { WhoOpenedCard } from "./who-opened-card";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clients.read", "client");
  // Recorded before this list is read, so the viewer sees their own opening at the top.
  const reads = can(actor, "audit.read") ? await listRecentReads(await getDb(), actor, client.id) : null;
  return (
    <ClientRecord
      initial={client}
      permissions={{
        write: can(actor, "clients.write"),
        archive: can(actor, "clients.archive"),
        invite: can(actor, "clients.invite"),
        clinicalRead: can(actor, "clinical.read"),
        clinicalWrite: can(actor, "clinical.write"),
        programmesRead: can(actor, "programmes.read"),
        programmesWrite: can(actor, "programmes.write"),
        scheduleManage: can(actor, "schedule.manage"),
        billing: can(actor, "billing.manage"),
      }}
      timeZone={actor.clinicTimezone}
      precautionOptions={PRECAUTIONS.map(({ id, label, kind }) => ({ id, label, kind }))}
      accessLog={reads ? <WhoOpenedCard reads={reads} format={formatFor(actor)} /> : null}
    />
  );
}
