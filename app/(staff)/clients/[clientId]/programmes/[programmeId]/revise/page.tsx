import type { Metadata } from "next";
import { builderData } from "@/lib/programmes/builder-suggestions";
import { getDb } from "@/lib/server-db";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/feedback";
import { ProgrammeBuilder } from "../../_components/builder";
import { requireProgrammePage } from "../../_components/load-programme";

export const metadata: Metadata = { title: "Revise programme" };

export default async function ReviseProgrammePage({
  params,
}: {
  params: Promise<{ clientId: string; programmeId: string }>;
}) {
  const { clientId, programmeId } = await params;
  const { actor, client, programme } = await requireProgrammePage(clientId, programmeId, "programmes.write");
  if (programme.status === "ended" || client.archivedAt) {
    return (
      <EmptyState
        title={client.archivedAt ? "This client is archived" : "This programme has ended"}
        action={
          <ButtonLink href={`/clients/${clientId}/programmes/new`} variant="secondary">
            Start a new programme
          </ButtonLink>
        }
      >
        Ended programmes stay in the history as they were.
      </EmptyState>
    );
  }
  const data = await builderData(await getDb(), actor, clientId);
  return <ProgrammeBuilder data={data} mode={{ kind: "revise", programme }} />;
}
