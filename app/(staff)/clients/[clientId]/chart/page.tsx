import type { Metadata } from "next";
import { getDb } from "@/lib/server-db";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { displayName } from "@/lib/clients/format";
import { getChartHistory } from "@/lib/visits/chart-history";
import { ChartHistoryView } from "./chart-history-view";
import { HISTORY_VISITS } from "./chart-history-query";

export const metadata: Metadata = { title: "Chart history" };

export default async function ChartHistoryPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read");
  const history = await getChartHistory(await getDb(), actor, client.id, HISTORY_VISITS);
  return (
    <ChartHistoryView
      clientId={client.id}
      clientName={displayName(client)}
      initial={history}
      timeZone={actor.clinicTimezone}
    />
  );
}
