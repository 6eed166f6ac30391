import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { getProgress } from "@/lib/pain/progress";
import { AppError } from "@/lib/http/errors";
import { ProgressView } from "./_components/progress-view";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requireActor({ permission: "clinical.read" });
  const { clientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  const progress = await getProgress(await getDb(), actor, clientId).catch((err) => {
    // Another clinic's client and a missing one look the same.
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return <ProgressView initial={progress} timeZone={actor.clinicTimezone} clinicName={actor.clinicName} preparedBy={actor.name} />;
}
