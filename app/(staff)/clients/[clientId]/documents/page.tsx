import type { Metadata } from "next";
import { getDb } from "@/lib/server-db";
import { can } from "@/lib/identity/scopes";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { displayName } from "@/lib/clients/format";
import { listClientDocuments } from "@/lib/documents/client-documents/list-client-documents";
import { clinicDay } from "@/lib/outcomes/pain/dates";
import { DocumentsView } from "./_components/documents-view";

export const metadata: Metadata = { title: "Documents" };

export default async function ClientDocumentsPage({ params }: { params: Promise<{ clientId: string }> }) {
  // Records "Listed documents" in the audit trail (the API's list records the same).
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read", "documents");
  const documents = await listClientDocuments(await getDb(), actor, client.id);
  return (
    <DocumentsView
      clientId={client.id}
      clientName={displayName(client)}
      canWrite={can(actor, "clinical.write") && !client.archivedAt}
      initial={documents}
      today={clinicDay(new Date(), actor.clinicTimezone)}
    />
  );
}
