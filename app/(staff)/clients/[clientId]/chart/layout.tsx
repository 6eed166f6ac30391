import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientOrThrow } from "@/lib/clients/clients";
import { AppError } from "@/lib/http/errors";

/**
 * Answers "may you see this client's chart, and does it exist?" above loading.tsx. Once the
 * loading skeleton has streamed, a 403 or 404 from the page could only be sent with status 200;
 * checked here, it keeps its real status. The page checks again (layouts do not re-run on
 * client navigation, so they are never the only guard).
 */
export default async function ChartHistoryLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string }> }) {
  const actor = await requireActor({ permission: "clinical.read" });
  const { clientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  await getClientOrThrow(await getDb(), actor, clientId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return children;
}
