import type { ReactNode } from "react";
import { requireClientPage } from "@/lib/clients/require-client-page";

/**
 * Answers "may you see this client's chart, and does it exist?" above loading.tsx. Once the
 * loading skeleton has streamed, a 403 or 404 from the page could only be sent with status 200;
 * checked here, it keeps its real status. The page checks again (layouts do not re-run on
 * client navigation, so they are never the only guard).
 */
export default async function ChartHistoryLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ clientId: string }>;
}) {
  await requireClientPage((await params).clientId, "clinical.read", undefined, "chart");
  return children;
}
