import type { Metadata } from "next";
import { getDb } from "@/lib/server-db";
import { getProgress } from "@/lib/pain/progress";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { ProgressView } from "./_components/progress-view";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read");
  const progress = await getProgress(await getDb(), actor, client.id);
  return <ProgressView initial={progress} timeZone={actor.clinicTimezone} clinicName={actor.clinicName} preparedBy={actor.name} />;
}
