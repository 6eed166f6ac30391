import type { Metadata } from "next";
import { formatFor } from "@/lib/format/clinic-format";
import { can } from "@/lib/identity/scopes";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { PRECAUTIONS } from "@/lib/programmes/precautions";
import { listRecentReads } from "@/lib/audit/recent-reads";
import { getDb } from "@/lib/server-db";
import { getEmergencyContact } from "@/lib/forms/emergency-contact";
import { ClientRecord } from "./client-record";
import { WhoOpenedCard } from "./who-opened-card";
import { MessagesCard } from "./messages-card";
import { listClientMessages } from "@/lib/messaging/client-message-log";
import { getClientMessagePreferences } from "@/lib/messaging/message-preferences/get-client-message-preferences";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clients.read", "client");
  // Recorded before this list is read, so the viewer sees their own opening at the top.
  const db = await getDb();
  const reads = can(actor, "audit.read") ? await listRecentReads(db, actor, client.id) : null;
  const messages = can(actor, "schedule.manage") ? await listClientMessages(db, actor, client.id) : null;
  const format = formatFor(actor);
  const emergencyContact = await getEmergencyContact(db, actor, client.id);
  const messagePreferences = await getClientMessagePreferences(db, actor, client.id);
  return (
    <ClientRecord
      initial={client}
      emergencyContact={emergencyContact}
      messagePreferences={messagePreferences}
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
      accessLog={
        <>
          {messages ? <MessagesCard messages={messages.messages} total={messages.total} format={format} /> : null}
          {reads ? <WhoOpenedCard reads={reads} format={format} /> : null}
        </>
      }
    />
  );
}
