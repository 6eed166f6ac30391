import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientOrThrow } from "@/lib/clients/clients";
import { AppError } from "@/lib/http/errors";

/**
 * Answers "may you see this client, and do they exist?" above loading.tsx, so a 403 or 404
 * keeps its real status instead of streaming after the skeleton with 200. The pages check
 * again (layouts do not re-run on client navigation, so they are never the only guard).
 */
export default async function ClientQuestionnairesLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string }> }) {
  const actor = await requireActor({ permission: "clinical.read" });
  const { clientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  await getClientOrThrow(await getDb(), actor, clientId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return children;
}
