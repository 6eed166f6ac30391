import type { Metadata } from "next";
import { getDb } from "@/lib/server-db";
import { can } from "@/lib/identity/scopes";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { displayName } from "@/lib/clients/format";
import { listClientForms } from "@/lib/forms/form-requests/list-client-forms";
import { listTemplates } from "@/lib/forms/form-templates/list-templates";
import { listProposals } from "@/lib/forms/list-proposals";
import { PRECAUTIONS } from "@/lib/programmes/precautions";
import { ClientFormsView } from "./_components/client-forms-view";

export const metadata: Metadata = { title: "Forms" };

export default async function ClientFormsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read", "forms");
  const db = await getDb();
  const [requests, templates, proposals] = await Promise.all([
    listClientForms(db, actor, client.id),
    listTemplates(db, actor),
    listProposals(db, actor, client.id),
  ]);
  return (
    <ClientFormsView
      clientId={client.id}
      clientName={displayName(client)}
      canWrite={can(actor, "clinical.write") && !client.archivedAt}
      initial={{ requests, templates, proposals }}
      precautionLabels={Object.fromEntries(PRECAUTIONS.map((p) => [p.id, p.label]))}
    />
  );
}
