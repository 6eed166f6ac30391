import type { Metadata } from "next";
import { getDb } from "@/lib/server-db";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { displayName } from "@/lib/clients/format";
import { getChartHistory } from "@/lib/clinical/chart-history";
import { algometerUnitFor } from "@/lib/clinical/algometer-unit";
import { ChartHistoryView } from "./chart-history-view";
import { HISTORY_VISITS } from "./chart-history-query";

export const metadata: Metadata = { title: "Chart history" };

export default async function ChartHistoryPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "clinical.read", "chart");
  const db = await getDb();
  const [history, pressureUnit] = await Promise.all([
    getChartHistory(db, actor, client.id, HISTORY_VISITS),
    algometerUnitFor(db, actor),
  ]);
  return (
    <ChartHistoryView
      clientId={client.id}
      clientName={displayName(client)}
      initial={history}
      pressureUnit={pressureUnit}
    />
  );
}
