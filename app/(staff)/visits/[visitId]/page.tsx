import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { can } from "@/lib/identity/scopes";
import { getDb } from "@/lib/server-db";
import { getVisitOrThrow } from "@/lib/clinical/visits/get-visit-or-throw";
import { listMuscles } from "@/lib/clinical/list-muscles";
import { algometerUnitFor } from "@/lib/clinical/algometer-unit";
import { AppError } from "@/lib/errors";
import { recordRead, recordRefused } from "@/lib/audit/record-read";
import { VisitWorkspace } from "./_components/visit-workspace";

export const metadata: Metadata = { title: "Visit" };

export default async function VisitPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireActor({ permission: "clinical.read" });
  const { visitId } = await params;
  const db = await getDb();
  const refuse = async (): Promise<never> => {
    await recordRefused(db, actor, { kind: "visit", entityType: "visit", id: visitId, reason: "not_found" });
    notFound();
  };
  if (!/^[0-9a-f-]{36}$/i.test(visitId)) await refuse();
  const [visit, muscles, pressureUnit] = await Promise.all([
    getVisitOrThrow(db, actor, visitId).catch(async (err) => {
      if (err instanceof AppError && err.code === "NOT_FOUND") return refuse();
      throw err;
    }),
    listMuscles(db, actor),
    algometerUnitFor(db, actor),
  ]);
  await recordRead(db, actor, { kind: "visit", clientId: visit.clientId, entityType: "visit", entityId: visit.id });
  return (
    <VisitWorkspace
      initial={visit}
      muscles={muscles}
      canWrite={can(actor, "clinical.write")}
      canSign={can(actor, "visits.sign")}
      pressureUnit={pressureUnit}
    />
  );
}
