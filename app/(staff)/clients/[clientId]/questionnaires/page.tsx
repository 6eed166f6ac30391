import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { can } from "@/lib/auth/scopes";
import { getClientOrThrow } from "@/lib/clients/clients";
import { displayName } from "@/lib/clients/format";
import { listComplaints } from "@/lib/pain/complaints";
import { listClientAssignments } from "@/lib/questionnaires/assignments";
import { listResponseSeries } from "@/lib/questionnaires/responses";
import { listInstruments } from "@/lib/questionnaires/instruments";
import { AppError } from "@/lib/http/errors";
import { QuestionnairesView } from "./_components/questionnaires-view";

export const metadata: Metadata = { title: "Questionnaires" };

export default async function ClientQuestionnairesPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requireActor({ permission: "clinical.read" });
  const { clientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  const db = await getDb();
  const [client, assignments, series, instruments, complaints] = await Promise.all([
    getClientOrThrow(db, actor, clientId),
    listClientAssignments(db, actor, clientId),
    listResponseSeries(db, actor, clientId),
    listInstruments(db, actor),
    listComplaints(db, actor, clientId),
  ]).catch((err) => {
    // Another clinic's client and a missing one look the same.
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
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
