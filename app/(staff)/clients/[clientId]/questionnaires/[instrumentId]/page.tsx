import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/server-db";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { displayName } from "@/lib/clients/format";
import { instrumentForClinic } from "@/lib/outcomes/questionnaires/instruments";
import { listResponseSeries } from "@/lib/outcomes/questionnaires/responses/list-response-series";
import { AppError } from "@/lib/errors";
import { ClinicFillIn } from "./clinic-fill-in";

export const metadata: Metadata = { title: "Fill in a questionnaire" };

const UUID = /^[0-9a-f-]{36}$/i;

/** A questionnaire filled in on the clinic's tablet, recorded as answered "in clinic". */
export default async function ClinicFillInPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string; instrumentId: string }>;
  searchParams: Promise<{ assignment?: string | string[] }>;
}) {
  const { clientId, instrumentId } = await params;
  const { actor, client } = await requireClientPage(clientId, "clinical.write");
  const { assignment } = await searchParams;
  const db = await getDb();
  const [{ dto }, series] = await Promise.all([
    instrumentForClinic(db, actor.clinicId, instrumentId),
    listResponseSeries(db, actor, clientId),
  ]).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  // PSFS re-rates the activities named last time (the protocol keeps them the same).
  const previousLabels = series.find((s) => s.instrumentId === instrumentId)?.responses.at(-1)?.itemLabels ?? {};
  return (
    <ClinicFillIn
      clientId={clientId}
      clientName={displayName(client)}
      firstName={client.preferredName ?? client.firstName}
      instrument={dto}
      assignmentId={typeof assignment === "string" && UUID.test(assignment) ? assignment : null}
      previousLabels={previousLabels}
    />
  );
}
