import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientOrThrow } from "@/lib/clients/clients";
import { displayName } from "@/lib/clients/format";
import { getChartHistory } from "@/lib/visits/chart-history";
import { AppError } from "@/lib/http/errors";
import { ChartHistoryView } from "./chart-history-view";
import { HISTORY_VISITS } from "./chart-history-query";

export const metadata: Metadata = { title: "Chart history" };

export default async function ChartHistoryPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requireActor({ permission: "clinical.read" });
  const { clientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  const db = await getDb();
  const [client, history] = await Promise.all([
    getClientOrThrow(db, actor, clientId),
    getChartHistory(db, actor, clientId, HISTORY_VISITS),
  ]).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return <ChartHistoryView clientId={clientId} clientName={displayName(client)} initial={history} timeZone={actor.clinicTimezone} />;
}
