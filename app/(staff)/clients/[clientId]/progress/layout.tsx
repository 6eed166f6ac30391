import type { ReactNode } from "react";
import { requireClientPage } from "@/lib/clients/require-client-page";

/**
 * Checks "may you see this client's progress, and does the client exist?" above loading.tsx:
 * once the skeleton has streamed, a 404 from the page could only be sent with status 200.
 * The page checks again (layouts do not re-run on client navigation) and records the read.
 */
export default async function ProgressLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ clientId: string }>;
}) {
  await requireClientPage((await params).clientId, "clinical.read", undefined, "progress");
  return children;
}
