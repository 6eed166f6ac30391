import type { Metadata } from "next";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { builderData } from "@/lib/programmes/builder-suggestions";
import { getDb } from "@/lib/server-db";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/feedback";
import { ProgrammeBuilder } from "../_components/builder";

export const metadata: Metadata = { title: "New programme" };

export default async function NewProgrammePage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "programmes.write");
  if (client.archivedAt) {
    return (
      <EmptyState
        title="This client is archived"
        action={
          <ButtonLink href={`/clients/${client.id}`} variant="secondary">
            Back to the client
          </ButtonLink>
        }
      >
        Restore them before prescribing.
      </EmptyState>
    );
  }
  const data = await builderData(await getDb(), actor, client.id);
  return <ProgrammeBuilder data={data} mode={{ kind: "new" }} />;
}
