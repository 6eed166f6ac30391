import type { Metadata } from "next";
import { getDb } from "@/lib/server-db";
import { getProgress } from "@/lib/outcomes/pain/progress";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { can } from "@/lib/identity/scopes";
import { clientAdherence } from "@/lib/programmes/adherence-report";
import { ProgressView } from "./_components/progress-view";
import { AdherenceBesidePain, hasPainScores } from "./_components/adherence-beside-pain";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read", "progress");
  const db = await getDb();
  const progress = await getProgress(db, actor, client.id);
  const adherence =
    can(actor, "programmes.read") && hasPainScores(progress)
      ? await clientAdherence(db, actor, client.id, { weeks: 12 })
      : null;
  return (
    <ProgressView
      initial={progress}
      timeZone={actor.clinicTimezone}
      clinicName={actor.clinicName}
      preparedBy={actor.name}
      adherence={adherence ? <AdherenceBesidePain report={adherence} progress={progress} /> : null}
    />
  );
}
