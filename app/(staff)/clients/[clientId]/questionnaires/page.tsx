import type { Metadata } from "next";
import { getDb } from "@/lib/server-db";
import { can } from "@/lib/identity/scopes";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { displayName } from "@/lib/clients/format";
import { listComplaints } from "@/lib/outcomes/pain/complaints/list-complaints";
import { listClientAssignments } from "@/lib/outcomes/questionnaires/assignments/list-client-assignments";
import { listResponseSeries } from "@/lib/outcomes/questionnaires/responses/list-response-series";
import { listInstruments } from "@/lib/outcomes/questionnaires/list-instruments";
import { QuestionnairesView } from "./_components/questionnaires-view";

export const metadata: Metadata = { title: "Questionnaires" };

export default async function ClientQuestionnairesPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read", "questionnaires");
  const clientId = client.id;
  const db = await getDb();
  const [assignments, series, instruments, complaints] = await Promise.all([
    listClientAssignments(db, actor, clientId),
    listResponseSeries(db, actor, clientId),
    listInstruments(db, actor),
    listComplaints(db, actor, clientId),
  ]);
  return (
    <QuestionnairesView
      clientId={clientId}
      clientName={displayName(client)}
      archived={Boolean(client.archivedAt)}
      canWrite={can(actor, "clinical.write")}
      canConfigure={can(actor, "instruments.configure")}
      timeZone={actor.clinicTimezone}
      initial={{ assignments, series, instruments, complaints: complaints.filter((c) => c.status === "open") }}
    />
  );
}
